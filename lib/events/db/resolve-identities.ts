import type pg from "pg";
import { IDENTITY_TYPES, type IdentityType } from "@/lib/identity/normalize";
import {
  identityKey,
  planResolution,
  splitIdentityKey,
  type IdentityKey,
  type MessageIdentities,
  type ResolutionPlan,
} from "@/lib/identity/resolve";
import { newProfileId } from "../ids";

/** The identity keys of one message (alias previous ids in both forms). */
function keysOfMessage(m: MessageIdentities): IdentityKey[] {
  const keys: IdentityKey[] = [];
  if (m.userId) keys.push(identityKey("user_id", m.userId));
  if (m.anonymousId) keys.push(identityKey("anonymous_id", m.anonymousId));
  if (m.email) keys.push(identityKey("email", m.email));
  if (m.phone) keys.push(identityKey("phone", m.phone));
  if (m.previousId) keys.push(identityKey("user_id", m.previousId), identityKey("anonymous_id", m.previousId));
  return keys;
}

/** Which profiles these identities belong to: one indexed lookup per identity type. */
export async function lookUp(
  client: pg.Pool | pg.PoolClient,
  workspaceId: string,
  keys: IdentityKey[],
): Promise<Map<IdentityKey, string>> {
  const byType = new Map<IdentityType, string[]>();
  for (const key of keys) {
    const { type, value } = splitIdentityKey(key);
    byType.set(type, [...(byType.get(type) ?? []), value]);
  }
  const found = new Map<IdentityKey, string>();
  for (const type of IDENTITY_TYPES) {
    const values = byType.get(type);
    if (!values) continue;
    const { rows } = await client.query<{ value: string; profile_id: string }>(
      `SELECT value, profile_id FROM identities WHERE workspace_id = $1 AND type = $2::"IdentityType" AND value = ANY($3::text[])`,
      [workspaceId, type, values],
    );
    for (const row of rows) found.set(identityKey(type, row.value), row.profile_id);
  }
  return found;
}

/**
 * Resolves a batch's identities. Races only matter where the batch may
 * create an identity (it is not known yet) or merge profiles (a message's
 * identities lead to different profiles): those identities are locked
 * (transaction-scoped advisory locks, in one sorted order, so batches never
 * deadlock on them) and everything is read again under the locks. Batches
 * of returning visitors take no lock at all and run in parallel.
 */
export async function resolveIdentities(
  client: pg.PoolClient,
  workspaceId: string,
  messages: MessageIdentities[],
): Promise<ResolutionPlan> {
  const perMessage = messages.map(keysOfMessage);
  const keys = [...new Set(perMessage.flat())];
  let known = await lookUp(client, workspaceId, keys);
  const contested = new Set<IdentityKey>(keys.filter((k) => !known.has(k)));
  for (const own of perMessage) {
    if (new Set(own.map((k) => known.get(k)).filter(Boolean)).size > 1) for (const k of own) contested.add(k);
  }
  if (contested.size > 0) {
    await client.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended($1 || ':' || key, 0) AS k FROM unnest($2::text[]) AS key ORDER BY 1) locks`,
      [workspaceId, [...contested]],
    );
    known = await lookUp(client, workspaceId, keys);
  }
  const profiles = [...new Set(known.values())];
  const userIds = await client.query<{ profile_id: string; value: string }>(
    `SELECT profile_id, value FROM identities WHERE workspace_id = $1 AND type = 'user_id' AND profile_id = ANY($2::text[])`,
    [workspaceId, profiles],
  );
  const userIdsOf = new Map<string, Set<string>>();
  for (const row of userIds.rows)
    userIdsOf.set(row.profile_id, (userIdsOf.get(row.profile_id) ?? new Set()).add(row.value));
  return planResolution(messages, known, userIdsOf, newProfileId);
}
