/** What a spreadsheet may read as the start of a formula (OWASP's CSV injection list: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (negative amounts included): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A CSV cell, quoted when needed (RFC 4180), with formula-like values defused
 * for spreadsheets by a leading `'`; numbers stay numbers (`-5.00` is not
 * turned into `'-5.00`).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated). */
export const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(",")}\r\n`;
