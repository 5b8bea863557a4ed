import type pg from "pg";

export type StoredCheck = { stored: number; missing: number; missingSample: string[]; profileOf: Map<string, string> };

/**
 * Reads back the run's events (messageIds start with `runId-`) and checks
 * that every acknowledged messageId is stored. Also returns each stored
 * event's profile, which COPY needs to load the same rows.
 */
export async function checkStored(
  db: pg.ClientBase,
  workspaceId: string,
  runId: string,
  acknowledgedIds: string[],
): Promise<StoredCheck> {
  if (!/^[a-z0-9]+$/.test(runId)) throw new Error("runId must be [a-z0-9]+ (it is used in a LIKE pattern)");
  const { rows } = await db.query<{ message_id: string; profile_id: string }>(
    "SELECT message_id, profile_id FROM events WHERE workspace_id = $1 AND message_id LIKE $2",
    [workspaceId, `${runId}-%`],
  );
  const profileOf = new Map(rows.map((r) => [r.message_id, r.profile_id]));
  const missingIds = acknowledgedIds.filter((id) => !profileOf.has(id));
  return { stored: rows.length, missing: missingIds.length, missingSample: missingIds.slice(0, 5), profileOf };
}
