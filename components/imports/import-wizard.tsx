"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOfIssues } from "@/components/imports/issues";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { mappingWarnings } from "@/lib/imports/detect";
import type { ImportFormat } from "@/lib/imports/formats";
import { importMappingSchema, type ImportKind, type TraitType } from "@/lib/imports/schema";
import { suggestMapping } from "@/lib/imports/suggest";
import { ColumnMapping } from "./column-mapping";
import { ImportCheckResult, type ImportCheckOutcome } from "./import-check-result";
import { ImportProgress } from "./import-progress";
import { ImportResult, type ImportOutcome } from "./import-result";
import { base64Json, readPreview, sha256Hex, type CsvPreview } from "./read-csv-file";

type Options = {
  dateOrder: "dmy" | "mdy";
  decimal: "point" | "comma";
  defaultCountry: string;
  defaultCurrency: string;
  marketingConsent: "" | "granted" | "refused";
};

/**
 * Pick a file: what it holds is detected and a platform's export recognized (with its preset mapping), likely
 * mistakes are said; check how its columns map (with a preview), check the whole file (a dry run), then
 * import it with a progress bar and read the report.
 */
export function ImportWizard({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [decimalKnown, setDecimalKnown] = useState(true);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [traitTypes, setTraitTypes] = useState<Record<string, TraitType>>({});
  const [options, setOptions] = useState<Options>({
    dateOrder: "dmy",
    decimal: "point",
    defaultCountry: "",
    defaultCurrency: "USD",
    marketingConsent: "",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [running, setRunning] = useState<{ since: string; check: boolean } | null>(null);
  const [check, setCheck] = useState<ImportCheckOutcome | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const propose = (read: CsvPreview, chosenKind?: ImportKind) => {
    const suggestion = suggestMapping(read.headers, read.rows, chosenKind, options.dateOrder);
    setFormat(suggestion.format);
    setKind(suggestion.mapping.kind);
    setColumns(suggestion.mapping.columns);
    setTraitTypes(suggestion.mapping.traitTypes);
    setDecimalKnown(suggestion.decimalKnown);
    setOptions({
      ...options,
      decimal: suggestion.mapping.decimal,
      dateOrder: suggestion.mapping.dateOrder,
      marketingConsent: suggestion.mapping.marketingConsent ?? "",
    });
  };

  const choose = async (next: File | null) => {
    setFile(next);
    setOutcome(null);
    setCheck(null);
    setErrors({});
    if (!next) return setPreview(null);
    const read = await readPreview(next);
    setPreview(read);
    propose(read);
  };

  const mapColumn = (column: string, target: string) => {
    setCheck(null);
    setColumns({ ...columns, [column]: target });
    if (target.startsWith("trait:") && !traitTypes[column]) setTraitTypes({ ...traitTypes, [column]: "text" });
  };

  const send = async (path: "import" | "import/check") => {
    if (!file || !preview) return null;
    const mapping = importMappingSchema.safeParse({
      kind,
      columns,
      traitTypes: Object.fromEntries(
        Object.entries(traitTypes).filter(([column]) => columns[column]?.startsWith("trait:")),
      ),
      dateOrder: options.dateOrder,
      decimal: options.decimal,
      defaultCountry: options.defaultCountry || undefined,
      defaultCurrency: options.defaultCurrency,
      marketingConsent: kind === "customers" && options.marketingConsent ? options.marketingConsent : undefined,
    });
    if (!mapping.success) {
      setErrors(fieldErrorsOfIssues(mapping.error.issues));
      toast({ title: mapping.error.issues[0]?.message ?? "Check the mapping", tone: "error" });
      return null;
    }
    setErrors({});
    setRunning({ since: new Date(Date.now() - 2000).toISOString(), check: path !== "import" });
    try {
      const response = await fetch(`/w/${workspaceSlug}/settings/data/${path}`, {
        method: "POST",
        body: file,
        headers: {
          "content-type": "text/csv",
          "x-file-name": file.name.slice(0, 200),
          "x-import-mapping": base64Json(mapping.data),
          "x-file-sha256": await sha256Hex(file),
        },
      });
      const json = await response.json();
      if (!response.ok) {
        setErrors(fieldErrorsOfIssues(json.error?.issues ?? []));
        toast({ title: json.error?.message ?? "The file could not be read", tone: "error" });
        return null;
      }
      return json;
    } catch {
      toast({ title: "The upload was interrupted; try again", tone: "error" });
      return null;
    } finally {
      setRunning(null);
    }
  };

  const runCheck = async () => {
    const json = (await send("import/check")) as ImportCheckOutcome | null;
    if (json) {
      setOutcome(null);
      setCheck(json);
    }
  };

  const start = async () => {
    const json = (await send("import")) as ImportOutcome | null;
    if (!json) return;
    setOutcome(json);
    toast({
      title:
        json.status === "completed"
          ? `Imported ${json.importedRows} of ${json.totalRows} rows`
          : (json.issues[0]?.reason ?? "The import stopped"),
      tone: json.status !== "completed" ? "error" : json.failedRows ? "info" : "success",
    });
    router.refresh();
  };

  const warnings = preview ? mappingWarnings(kind, preview.headers, preview.rows, columns) : [];
  const rowCount = preview ? Math.max(0, preview.lineCount - 1) : 0;

  return (
    <div className="space-y-4 rounded-lg border border-gray-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label="What the file holds" hint={preview ? "Detected from the file; change it if it is wrong." : null}>
          <Select
            value={kind}
            onChange={(e) => {
              setCheck(null);
              if (preview) propose(preview, e.target.value as ImportKind);
              else setKind(e.target.value as ImportKind);
            }}
            disabled={!!running}
          >
            <option value="customers">Customers</option>
            <option value="orders">Orders</option>
          </Select>
        </Field>
        <Field label="CSV file" hint="The first line must name the columns. Any size: the file is streamed.">
          <Input
            type="file"
            accept=".csv,text/csv"
            disabled={!!running}
            onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          />
        </Field>
      </div>
      {preview ? (
        <>
          {format ? (
            <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm">
              <p className="font-medium text-green-800">{format.label} recognized</p>
              <p className="text-green-900">
                The columns are set as this export writes them; change any of them below.
                {format.note ? ` ${format.note}` : ""}
              </p>
            </div>
          ) : null}
          {warnings.length > 0 ? (
            <div
              role="alert"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              <p className="font-medium">Check the mapping before importing</p>
              <ul className="list-disc pl-5">
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ColumnMapping
            kind={kind}
            headers={preview.headers}
            rows={preview.rows}
            columns={columns}
            traitTypes={traitTypes}
            errors={errors}
            onChange={mapColumn}
            onTraitType={(column, type) => {
              setCheck(null);
              setTraitTypes({ ...traitTypes, [column]: type });
            }}
          />
          {errors.columns ? (
            <p role="alert" className="text-sm text-red-600">
              {errors.columns[0]}
            </p>
          ) : null}
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <Field label="Dates like 04/03/2026 are">
              <Select
                value={options.dateOrder}
                onChange={(e) => setOptions({ ...options, dateOrder: e.target.value as Options["dateOrder"] })}
              >
                <option value="dmy">day/month/year</option>
                <option value="mdy">month/day/year</option>
              </Select>
            </Field>
            <Field
              label="Amounts are written like"
              hint={decimalKnown ? "Detected from the file." : "The first rows do not say: check a total in the file."}
            >
              <Select
                value={options.decimal}
                invalid={!decimalKnown}
                onChange={(e) => {
                  setDecimalKnown(true);
                  setOptions({ ...options, decimal: e.target.value as Options["decimal"] });
                }}
              >
                <option value="point">1,234.50 (decimal point)</option>
                <option value="comma">1.234,50 (decimal comma)</option>
              </Select>
            </Field>
            {kind === "customers" ? (
              <Field
                label="Marketing consent of everyone in the file"
                hint="A consent column, when mapped, wins for its rows."
              >
                <Select
                  value={options.marketingConsent}
                  onChange={(e) =>
                    setOptions({ ...options, marketingConsent: e.target.value as Options["marketingConsent"] })
                  }
                >
                  <option value="">not said by the file</option>
                  <option value="granted">granted (a list of subscribers)</option>
                  <option value="refused">refused (a list of unsubscribed)</option>
                </Select>
              </Field>
            ) : null}
            <Field label="Country of local phone numbers" hint="ISO code, e.g. GB" error={errors.defaultCountry?.[0]}>
              <Input
                value={options.defaultCountry}
                maxLength={2}
                onChange={(e) => setOptions({ ...options, defaultCountry: e.target.value.toUpperCase() })}
              />
            </Field>
            <Field label="Currency of totals without one" error={errors.defaultCurrency?.[0]}>
              <Input
                value={options.defaultCurrency}
                maxLength={3}
                onChange={(e) => setOptions({ ...options, defaultCurrency: e.target.value.toUpperCase() })}
              />
            </Field>
          </div>
          {running && !running.check ? (
            <ImportProgress workspaceId={workspaceId} since={running.since} expectedRows={Math.max(1, rowCount)} />
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => void runCheck()} loading={!!running?.check} disabled={!!running}>
              Check the file
            </Button>
            <Button onClick={() => void start()} loading={!!running && !running.check} disabled={!!running}>
              Import {rowCount > 0 ? `${rowCount.toLocaleString("en-US")} rows` : ""}
            </Button>
          </div>
        </>
      ) : null}
      {check && !outcome ? <ImportCheckResult check={check} /> : null}
      {outcome ? <ImportResult workspaceSlug={workspaceSlug} outcome={outcome} /> : null}
    </div>
  );
}
