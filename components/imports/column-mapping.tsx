"use client";

import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { traitNameOf } from "@/lib/imports/formats";
import { IMPORT_FIELDS, TRAIT_TYPES, type ImportKind, type TraitType } from "@/lib/imports/schema";

/**
 * Each CSV column with sample values, the field it feeds (a field, a trait of the same name, or nothing) and,
 * for a trait, how its cells are read (every row the same type).
 */
export function ColumnMapping({
  kind,
  headers,
  rows,
  columns,
  traitTypes,
  onChange,
  onTraitType,
  errors,
}: {
  kind: ImportKind;
  headers: string[];
  rows: Record<string, string>[];
  columns: Record<string, string>;
  traitTypes: Record<string, TraitType>;
  onChange: (column: string, target: string) => void;
  onTraitType: (column: string, type: TraitType) => void;
  errors: Record<string, string[]>;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Column in the file</TableHead>
          <TableHead>Sample values</TableHead>
          <TableHead>Imported as</TableHead>
          {kind === "customers" ? <TableHead>Read as</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {headers.map((header) => {
          const target = columns[header] ?? "ignore";
          const trait = `trait:${traitNameOf(header) || "column"}`;
          const traits = target.startsWith("trait:") && target !== trait ? [target, trait] : [trait];
          const error = errors[`columns.${header}`]?.[0] ?? errors[`traitTypes.${header}`]?.[0];
          return (
            <TableRow key={header}>
              <TableCell className="font-medium">{header}</TableCell>
              <TableCell className="max-w-xs truncate text-gray-500">
                {rows
                  .map((r) => r[header])
                  .filter(Boolean)
                  .slice(0, 3)
                  .join(" · ") || "—"}
              </TableCell>
              <TableCell>
                <Select
                  aria-label={`Field for column ${header}`}
                  value={target}
                  onChange={(e) => onChange(header, e.target.value)}
                  invalid={!!error}
                  className="w-56"
                >
                  {IMPORT_FIELDS[kind].map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                  {kind === "customers"
                    ? traits.map((t) => (
                        <option key={t} value={t}>
                          trait “{t.slice(6)}”
                        </option>
                      ))
                    : null}
                  <option value="ignore">do not import</option>
                </Select>
                {error ? (
                  <p role="alert" className="mt-1 text-xs text-red-600">
                    {error}
                  </p>
                ) : null}
              </TableCell>
              {kind === "customers" ? (
                <TableCell>
                  {target.startsWith("trait:") ? (
                    <Select
                      aria-label={`Type of column ${header}`}
                      value={traitTypes[header] ?? "text"}
                      onChange={(e) => onTraitType(header, e.target.value as TraitType)}
                      className="w-28"
                    >
                      {TRAIT_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
