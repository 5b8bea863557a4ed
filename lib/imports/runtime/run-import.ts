import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { db } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { ingestEvents } from "@/lib/events/runtime/ingest";
import { customersHeaderProblem } from "../detect";
import { OrderGroups, orderLine } from "../order-rows";
import { customerRow, type RowResult } from "../rows";
import type { ImportIssue, ImportMapping } from "../schema";

const CHUNK_ROWS = 1000;

/** The file is not what the import was told it holds; refused before anything is written. */
class WrongKind extends Error {}
const MAX_REPORTED_ISSUES = 10_000;

type Workspace = { id: string; identitySalt: string; storePlainPii: boolean };

/**
 * The time given to rows that carry none. Importing a file again reuses the
 * time of its first import, so nothing changes (same messageIds, same trait
 * times); a new file gets the current time.
 */
async function rowTime(
  workspaceId: string,
  kind: ImportMapping["kind"],
  sha256: string | undefined,
  now: Date,
): Promise<Date> {
  if (!sha256) return now;
  const first = await db.importJob.findFirst({
    where: { workspaceId, kind, fileSha256: sha256, status: "completed" },
    orderBy: { createdAt: "asc" },
  });
  return first?.createdAt ?? now;
}

/**
 * Imports a CSV file as it streams in (memory stays flat whatever its size):
 * each row is normalized and validated, good rows are ingested in chunks
 * through the same identity resolution as the API (so duplicates merge by
 * identity), bad rows are reported with line, field and reason. Progress is
 * written to the import job after every chunk.
 */
export async function runImport(options: {
  workspace: Workspace;
  userId: string;
  fileName: string;
  mapping: ImportMapping;
  body: ReadableStream<Uint8Array>;
  declaredSha256?: string;
}) {
  const { workspace, mapping } = options;
  const now = new Date();
  const at = await rowTime(workspace.id, mapping.kind, options.declaredSha256, now);
  const job = await db.importJob.create({
    data: {
      workspaceId: workspace.id,
      kind: mapping.kind,
      fileName: options.fileName,
      fileSha256: "",
      mapping,
      createdById: options.userId,
      createdAt: now,
    },
  });
  const hash = createHash("sha256");
  const issues: ImportIssue[] = [];
  let [total, imported, failed] = [0, 0, 0];
  let pending: NormalizedEvent[] = [];
  let pendingRows = 0;
  const flush = async () => {
    if (pending.length) {
      await ingestEvents(workspace, pending, { reason: "import", consentSource: "import" });
      imported += pendingRows;
      [pending, pendingRows] = [[], 0];
    }
    await db.importJob.update({
      where: { id: job.id },
      data: { totalRows: total, importedRows: imported, failedRows: failed },
    });
  };

  const source = Readable.fromWeb(options.body as import("node:stream/web").ReadableStream<Uint8Array>);
  try {
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
    const groups = new OrderGroups(at);
    /** Takes a row's (or an order's rows') result. */
    const take = async (row: RowResult, rows: number) => {
      if (row.ok) {
        if (!workspace.storePlainPii && row.event.traits) {
          delete row.event.traits.email;
          delete row.event.traits.phone;
        }
        pending.push(row.event);
        pendingRows += rows;
      } else {
        failed += rows;
        if (issues.length < MAX_REPORTED_ISSUES) issues.push(...row.issues);
      }
      if (pending.length >= CHUNK_ROWS) await flush();
    };
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
      total += 1;
      if (mapping.kind === "customers") await take(customerRow(record, mapping, info.lines, at), 1);
      else {
        const read = orderLine(record, mapping, info.lines);
        if (!read.ok) await take(read, 1);
        else {
          const rows = groups.size;
          const done = groups.push(read.value);
          if (done) await take(done, rows);
        }
      }
      if (total % CHUNK_ROWS === 0) await flush();
    }
    const rows = groups.size;
    const last = groups.finish();
    if (last) await take(last, rows);
    await flush();
    return db.importJob.update({
      where: { id: job.id },
      data: { status: "completed", fileSha256: hash.digest("hex"), issues, finishedAt: new Date() },
    });
  } catch (error) {
    if (error instanceof WrongKind) {
      source.destroy();
      issues.push({ line: 1, field: "kind", reason: error.message });
    } else {
      await flush().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      issues.push({ line: total + 1, field: "", reason: `the file could not be read further: ${reason}` });
    }
    return db.importJob.update({
      where: { id: job.id },
      data: { status: "failed", fileSha256: hash.digest("hex"), issues, finishedAt: new Date() },
    });
  }
}
