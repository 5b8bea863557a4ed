import type { NormalizedEvent } from "@/lib/events/normalize";
import { identitiesOf } from "@/lib/events/db/ingest";
import { ImportCheck, TooLargeToCheck, type ImportCheckOutcome } from "../check";
import { readStoredView } from "../db/stored-view";
import { withoutPlainPii } from "../rows";
import type { ImportMapping } from "../schema";
import { readImportRows, WrongKind } from "./read-rows";
import { rowTime, type ImportWorkspace } from "./run-import";

const CHUNK_ROWS = 1000;

/**
 * A dry run of `runImport`: reads the whole file as it streams in, in the import's own chunks, and says
 * what importing it would do (profiles created, merged, changed; events, orders and items recorded; every
 * row refused) without writing anything: no job, no profile, no event, no signal.
 */
export async function checkImport(options: {
  workspace: ImportWorkspace;
  mapping: ImportMapping;
  body: ReadableStream<Uint8Array>;
  declaredSha256?: string;
}): Promise<ImportCheckOutcome> {
  const { workspace, mapping } = options;
  const at = await rowTime(workspace.id, mapping.kind, options.declaredSha256, new Date());
  const reader = readImportRows(options.body, mapping, at);
  const check = new ImportCheck();
  let pending: NormalizedEvent[] = [];
  let pendingRows = 0;
  const flush = async () => {
    if (!pending.length) return;
    const messages = pending.map((e) => identitiesOf(e, workspace.identitySalt, "import"));
    check.apply(pending, messages, pendingRows, await readStoredView(workspace.id, check, pending, messages));
    [pending, pendingRows] = [[], 0];
  };
  try {
    for await (const { result, rows } of reader.rows) {
      if (!result.ok) check.refuse(result.issues, rows);
      else {
        pending.push(withoutPlainPii(result.event, workspace.storePlainPii));
        pendingRows += rows;
        if (pending.length >= CHUNK_ROWS) await flush();
      }
    }
    await flush();
    return { ...check.result(), readable: true, problem: null };
  } catch (error) {
    reader.stop();
    if (error instanceof WrongKind || error instanceof TooLargeToCheck)
      return { ...check.result(), readable: false, problem: error.message };
    const reason = error instanceof Error ? error.message : String(error);
    await flush().catch(() => undefined);
    return {
      ...check.result(),
      readable: false,
      problem: `the file could not be read after line ${reader.lines() + 1}: ${reason}`,
    };
  }
}
