import { parse } from "csv-parse/browser/esm/sync";

const PREVIEW_BYTES = 64 * 1024;

export type CsvPreview = { headers: string[]; rows: Record<string, string>[]; lineCount: number };

/**
 * The file's header and first rows, read from its first 64 KB (cut at the
 * last complete line), and its number of lines for the progress bar.
 */
export async function readPreview(file: File, rows = 200): Promise<CsvPreview> {
  const head = await file.slice(0, PREVIEW_BYTES).text();
  const complete = file.size > PREVIEW_BYTES ? head.slice(0, head.lastIndexOf("\n") + 1) : head;
  const records = parse(complete, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    to: rows,
  }) as Record<string, string>[];
  const headers = (parse(complete, { bom: true, to: 1 }) as string[][])[0] ?? [];
  const bytes = new Uint8Array(await file.arrayBuffer());
  let lineCount = 0;
  for (const byte of bytes) if (byte === 10) lineCount += 1;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lineCount += 1;
  return { headers, rows: records, lineCount };
}

/** SHA-256 of the file, hex: lets the server recognise a file imported before. */
export async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Non-ASCII-safe base64 of a JSON value, for a request header. */
export function base64Json(value: unknown): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))));
}
