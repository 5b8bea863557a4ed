import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { customersHeaderProblem } from "../detect";
import { OrderGroups, orderLine } from "../order-rows";
import { customerRow, type RowResult } from "../rows";
import type { ImportMapping } from "../schema";

/** The file is not what the import was told it holds; said before any row is read. */
export class WrongKind extends Error {}

/** One result of a file: a customer row's, or an order's (`rows` lines of the file). */
export type ReadRow = { result: RowResult; rows: number };

/**
 * Reads an uploaded CSV as it streams in (memory stays flat whatever its size) and yields each customer row's
 * event, or each order's (its line-item rows grouped), or their problems. Throws `WrongKind` at the header of
 * an orders file read as customers. `sha256()` is the digest of the bytes read so far.
 */
export function readImportRows(body: ReadableStream<Uint8Array>, mapping: ImportMapping, at: Date) {
  const hash = createHash("sha256");
  const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  source.on("data", (chunk: Buffer) => hash.update(chunk));
  const parser = source.pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
      max_record_size: 64 * 1024,
    }),
  );
  let lines = 0;
  async function* rows(): AsyncGenerator<ReadRow> {
    const groups = new OrderGroups(at);
    let checkedHeader = false;
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (!checkedHeader) {
        checkedHeader = true;
        const problem = mapping.kind === "customers" ? customersHeaderProblem(Object.keys(record)) : null;
        if (problem) throw new WrongKind(problem);
      }
      lines += 1;
      if (mapping.kind === "customers") yield { result: customerRow(record, mapping, info.lines, at), rows: 1 };
      else {
        const read = orderLine(record, mapping, info.lines);
        if (!read.ok) yield { result: read, rows: 1 };
        else {
          const size = groups.size;
          const done = groups.push(read.value);
          if (done) yield { result: done, rows: size };
        }
      }
    }
    const size = groups.size;
    const last = groups.finish();
    if (last) yield { result: last, rows: size };
  }
  return {
    rows: rows(),
    /** Data rows read so far. */
    lines: () => lines,
    sha256: () => hash.digest("hex"),
    stop: () => source.destroy(),
  };
}
