import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { db } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { ingestEvents } from "@/lib/events/runtime/ingest";
import { customerRow, orderRow } from "../rows";
import type { ImportIssue, ImportMapping } from "../schema";

const CHUNK_ROWS = 1000;
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
  const toRow = mapping.kind === "customers" ? customerRow : orderRow;

  const flush = async () => {
    if (pending.length) {
      await ingestEvents(workspace, pending, { reason: "import", consentSource: "import" });
      imported += pending.length;
      pending = [];
    }
    await db.importJob.update({
      where: { id: job.id },
      data: { totalRows: total, importedRows: imported, failedRows: failed },
    });
  };

  try {
    const source = Readable.fromWeb(options.body as import("node:stream/web").ReadableStream<Uint8Array>);
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
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      total += 1;
      const row = toRow(record, mapping, info.lines, at);
      if (row.ok) {
        if (!workspace.storePlainPii && row.event.traits) {
          delete row.event.traits.email;
          delete row.event.traits.phone;
        }
        pending.push(row.event);
      } else {
        failed += 1;
        if (issues.length < MAX_REPORTED_ISSUES) issues.push(...row.issues);
      }
      if (pending.length >= CHUNK_ROWS || total % CHUNK_ROWS === 0) await flush();
    }
    await flush();
    return db.importJob.update({
      where: { id: job.id },
      data: { status: "completed", fileSha256: hash.digest("hex"), issues, finishedAt: new Date() },
    });
  } catch (error) {
    await flush().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    issues.push({ line: total + 1, field: "", reason: `the file could not be read further: ${reason}` });
    return db.importJob.update({
      where: { id: job.id },
      data: { status: "failed", fileSha256: hash.digest("hex"), issues, finishedAt: new Date() },
    });
  }
}
