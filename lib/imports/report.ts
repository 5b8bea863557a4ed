import type { ImportIssue } from "./schema";

/** A CSV cell, quoted when needed (RFC 4180), with formula-like values defused for spreadsheets. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The validation report of an import as CSV: line, field, reason. */
export function issuesToCsv(issues: ImportIssue[]): string {
  return ["line,field,reason", ...issues.map((i) => [i.line, i.field, i.reason].map(cell).join(","))].join("\r\n") + "\r\n";
}
