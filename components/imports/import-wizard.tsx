"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOfIssues } from "@/components/imports/issues";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { guessMapping } from "@/lib/imports/guess-mapping";
import { importMappingSchema, type ImportKind } from "@/lib/imports/schema";
import { ColumnMapping } from "./column-mapping";
import { ImportProgress } from "./import-progress";
import { ImportResult, type ImportOutcome } from "./import-result";
import { base64Json, readPreview, sha256Hex, type CsvPreview } from "./read-csv-file";

/** Pick a file, check how its columns map (with a preview), import it with a progress bar, read the report. */
export function ImportWizard({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [options, setOptions] = useState({
    dateOrder: "dmy" as "dmy" | "mdy",
    defaultCountry: "",
    defaultCurrency: "USD",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [running, setRunning] = useState<{ since: string } | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const choose = async (next: File | null, nextKind = kind) => {
    setFile(next);
    setOutcome(null);
    setErrors({});
    if (!next) return setPreview(null);
    const read = await readPreview(next);
    setPreview(read);
    setColumns(guessMapping(nextKind, read.headers));
  };

  const start = async () => {
    if (!file || !preview) return;
    const mapping = importMappingSchema.safeParse({
      kind,
      columns,
      dateOrder: options.dateOrder,
      defaultCountry: options.defaultCountry || undefined,
      defaultCurrency: options.defaultCurrency,
    });
    if (!mapping.success) {
      setErrors(fieldErrorsOfIssues(mapping.error.issues));
      toast({ title: mapping.error.issues[0]?.message ?? "Check the mapping", tone: "error" });
      return;
    }
    setErrors({});
    setRunning({ since: new Date(Date.now() - 2000).toISOString() });
    try {
      const response = await fetch(`/w/${workspaceSlug}/settings/data/import`, {
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
        toast({ title: json.error?.message ?? "The import failed", tone: "error" });
      } else {
        setOutcome(json);
        toast({
          title: `Imported ${json.importedRows} of ${json.totalRows} rows`,
          tone: json.failedRows ? "info" : "success",
        });
        router.refresh();
      }
    } catch {
      toast({ title: "The upload was interrupted; try again", tone: "error" });
    } finally {
      setRunning(null);
    }
  };

  return (
    <div className="space-y-4 rounded-lg border border-gray-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label="What the file holds">
          <Select
            value={kind}
            onChange={(e) => {
              const next = e.target.value as ImportKind;
              setKind(next);
              void choose(file, next);
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
          <ColumnMapping
            kind={kind}
            headers={preview.headers}
            rows={preview.rows}
            columns={columns}
            errors={errors}
            onChange={(column, target) => setColumns({ ...columns, [column]: target })}
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
                onChange={(e) => setOptions({ ...options, dateOrder: e.target.value as "dmy" | "mdy" })}
              >
                <option value="dmy">day/month/year</option>
                <option value="mdy">month/day/year</option>
              </Select>
            </Field>
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
          {running ? (
            <ImportProgress
              workspaceId={workspaceId}
              since={running.since}
              expectedRows={Math.max(1, preview.lineCount - 1)}
            />
          ) : null}
          <div className="flex justify-end">
            <Button onClick={() => void start()} loading={!!running}>
              Import {preview.lineCount > 1 ? `${(preview.lineCount - 1).toLocaleString("en-US")} rows` : ""}
            </Button>
          </div>
        </>
      ) : null}
      {outcome ? <ImportResult workspaceSlug={workspaceSlug} outcome={outcome} /> : null}
    </div>
  );
}
