import { db } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { ingestEvents } from "@/lib/events/runtime/ingest";
import { dropExpiredJournals, journalAfter, journalBefore } from "../db/import-journal";
import { withoutPlainPii } from "../rows";
import { MAX_REPORTED_ISSUES, type ImportIssue, type ImportMapping } from "../schema";
import { readImportRows, WrongKind } from "./read-rows";

const CHUNK_ROWS = 1000;

export type ImportWorkspace = { id: string; identitySalt: string; storePlainPii: boolean };

/**
 * The time given to rows that carry none. Importing a file again reuses the
 * time of its first import, so nothing changes (same messageIds, same trait
 * times); a new file gets the current time.
 */
export async function rowTime(
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
  workspace: ImportWorkspace;
  userId: string;
  fileName: string;
  mapping: ImportMapping;
  body: ReadableStream<Uint8Array>;
  declaredSha256?: string;
}) {
  const { workspace, mapping } = options;
  const now = new Date();
  const at = await rowTime(workspace.id, mapping.kind, options.declaredSha256, now);
  await dropExpiredJournals(workspace.id, now);
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
  const issues: ImportIssue[] = [];
  let [imported, failed] = [0, 0];
  let pending: NormalizedEvent[] = [];
  let pendingRows = 0;
  const reader = readImportRows(options.body, mapping, at);
  const journal = { workspaceId: workspace.id, identitySalt: workspace.identitySalt, jobId: job.id };
  let merged = 0;
  const flush = async () => {
    if (pending.length) {
      // the journal its undo restores from: the profiles as they were, what was created, the events stored
      await journalBefore(journal, pending);
      const result = await ingestEvents(workspace, pending, { reason: "import", consentSource: "import" });
      await journalAfter(journal, result);
      merged += result.merges.length;
      imported += pendingRows;
      [pending, pendingRows] = [[], 0];
    }
    await db.importJob.update({
      where: { id: job.id },
      data: { totalRows: reader.lines(), importedRows: imported, failedRows: failed, mergedProfiles: merged },
    });
  };
  try {
    let sinceFlush = 0;
    for await (const { result, rows } of reader.rows) {
      if (result.ok) {
        pending.push(withoutPlainPii(result.event, workspace.storePlainPii));
        pendingRows += rows;
      } else {
        failed += rows;
        if (issues.length < MAX_REPORTED_ISSUES) issues.push(...result.issues);
      }
      sinceFlush += rows;
      if (pending.length >= CHUNK_ROWS || sinceFlush >= CHUNK_ROWS) {
        await flush();
        sinceFlush = 0;
      }
    }
    await flush();
    return db.importJob.update({
      where: { id: job.id },
      data: { status: "completed", fileSha256: reader.sha256(), issues, finishedAt: new Date() },
    });
  } catch (error) {
    if (error instanceof WrongKind) {
      reader.stop();
      issues.push({ line: 1, field: "kind", reason: error.message });
    } else {
      await flush().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      issues.push({ line: reader.lines() + 1, field: "", reason: `the file could not be read further: ${reason}` });
    }
    return db.importJob.update({
      where: { id: job.id },
      data: { status: "failed", fileSha256: reader.sha256(), issues, finishedAt: new Date() },
    });
  }
}
