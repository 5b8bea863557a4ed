"use client";

import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IMPORT_FIELDS, type ImportKind } from "@/lib/imports/schema";

/** Each CSV column with sample values and the field it feeds (a field, a trait of the same name, or nothing). */
export function ColumnMapping({
  kind,
  headers,
  rows,
  columns,
  onChange,
  errors,
}: {
  kind: ImportKind;
  headers: string[];
  rows: Record<string, string>[];
  columns: Record<string, string>;
  onChange: (column: string, target: string) => void;
  errors: Record<string, string[]>;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Column in the file</TableHead>
          <TableHead>Sample values</TableHead>
          <TableHead>Imported as</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {headers.map((header) => {
          const trait = `trait:${
            header
              .trim()
              .replace(/[^A-Za-z0-9_.-]+/g, "_")
              .replace(/^_+|_+$/g, "")
              .slice(0, 60) || "column"
          }`;
          const error = errors[`columns.${header}`]?.[0];
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
                  value={columns[header] ?? "ignore"}
                  onChange={(e) => onChange(header, e.target.value)}
                  invalid={!!error}
                  className="w-56"
                >
                  {IMPORT_FIELDS[kind].map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                  {kind === "customers" ? <option value={trait}>trait “{trait.slice(6)}”</option> : null}
                  <option value="ignore">do not import</option>
                </Select>
                {error ? (
                  <p role="alert" className="mt-1 text-xs text-red-600">
                    {error}
                  </p>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
