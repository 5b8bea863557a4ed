import type pg from "pg";
import { identityKey, planResolution, type IdentityKey, type MessageIdentities, type ResolutionPlan } from "@/lib/identity/resolve";
import { newProfileId } from "./ids";

/** Every identity key a batch may touch (alias previous ids in both forms). */
function keysOf(messages: MessageIdentities[]): IdentityKey[] {
  const keys = new Set<IdentityKey>();
  for (const m of messages) {
    if (m.userId) keys.add(identityKey("user_id", m.userId));
    if (m.anonymousId) keys.add(identityKey("anonymous_id", m.anonymousId));
    if (m.email) keys.add(identityKey("email", m.email));
    if (m.phone) keys.add(identityKey("phone", m.phone));
    if (m.previousId) {
      keys.add(identityKey("user_id", m.previousId));
      keys.add(identityKey("anonymous_id", m.previousId));
    }
  }
  return [...keys];
}

/**
 * Locks the batch's identities (transaction-scoped advisory locks, taken in
 * one sorted order so batches never deadlock on them), reads which profiles
 * they belong to, and plans the resolution. Two batches that share an
 * identity run one after the other; disjoint batches run in parallel.
 */
export async function resolveIdentities(client: pg.PoolClient, workspaceId: string, messages: MessageIdentities[]): Promise<ResolutionPlan> {
  const keys = keysOf(messages);
  await client.query(
    `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended($1 || ':' || key, 0) AS k FROM unnest($2::text[]) AS key ORDER BY 1) locks`,
    [workspaceId, keys],
  );
  const found = await client.query<{ type: string; value: string; profile_id: string }>(
    `SELECT i.type::text, i.value, i.profile_id FROM identities i
     JOIN unnest($2::text[], $3::text[]) AS k(type, value) ON i.type::text = k.type AND i.value = k.value
     WHERE i.workspace_id = $1`,
    [workspaceId, keys.map((k) => k.slice(0, k.indexOf(":"))), keys.map((k) => k.slice(k.indexOf(":") + 1))],
  );
  const known = new Map(found.rows.map((r) => [identityKey(r.type as never, r.value), r.profile_id]));
  const profiles = [...new Set(known.values())];
  const userIds = await client.query<{ profile_id: string; value: string }>(
    `SELECT profile_id, value FROM identities WHERE workspace_id = $1 AND type = 'user_id' AND profile_id = ANY($2::text[])`,
    [workspaceId, profiles],
  );
  const userIdsOf = new Map<string, Set<string>>();
  for (const row of userIds.rows) userIdsOf.set(row.profile_id, (userIdsOf.get(row.profile_id) ?? new Set()).add(row.value));
  return planResolution(messages, known, userIdsOf, newProfileId);
}
