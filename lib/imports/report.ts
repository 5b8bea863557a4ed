import { csvCell } from "@/lib/csv/cell";
import type { ImportIssue } from "./schema";

/** The validation report of an import as CSV: line, field, reason. */
export function issuesToCsv(issues: ImportIssue[]): string {
  return (
    ["line,field,reason", ...issues.map((i) => [i.line, i.field, i.reason].map(csvCell).join(","))].join("\r\n") +
    "\r\n"
  );
}
