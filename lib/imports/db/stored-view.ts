import { pgPool } from "@/lib/db/pg-pool";
import type { ProfileState } from "@/lib/events/apply";
import type { ConsentState } from "@/lib/events/consent";
import { lookUp } from "@/lib/events/db/resolve-identities";
import type { NormalizedEvent } from "@/lib/events/normalize";
import type { MessageIdentities } from "@/lib/identity/resolve";
import type { ImportCheck, StoredView } from "../check";

/**
 * What the database holds of one chunk of a file being checked: the owners of its identities the check has
 * not seen, those profiles' user ids, traits and consent, and which of its messageIds are stored. Reads
 * only, without locks (a dry run never waits on ingest, nor makes it wait).
 */
export async function readStoredView(
  workspaceId: string,
  check: ImportCheck,
  events: NormalizedEvent[],
  messages: MessageIdentities[],
): Promise<StoredView> {
  const pool = pgPool();
  const owners = await lookUp(pool, workspaceId, check.unknownKeys(messages));
  const profiles = check.storedProfiles(messages, owners);
  const [userIds, states, stored] = await Promise.all([
    pool.query<{ profile_id: string; value: string }>(
      `SELECT profile_id, value FROM identities WHERE workspace_id = $1 AND type = 'user_id' AND profile_id = ANY($2::text[])`,
      [workspaceId, profiles],
    ),
    pool.query<{
      id: string;
      traits: Record<string, unknown>;
      trait_timestamps: Record<string, string>;
      consent: ConsentState;
    }>(`SELECT id, traits, trait_timestamps, consent FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[])`, [
      workspaceId,
      profiles,
    ]),
    pool.query<{ message_id: string }>(
      `SELECT message_id FROM events WHERE workspace_id = $1 AND message_id = ANY($2::text[])`,
      [workspaceId, events.map((e) => e.messageId)],
    ),
  ]);
  const userIdsOf = new Map<string, Set<string>>();
  for (const row of userIds.rows)
    userIdsOf.set(row.profile_id, (userIdsOf.get(row.profile_id) ?? new Set()).add(row.value));
  return {
    owners,
    userIdsOf,
    states: new Map(
      states.rows.map((r): [string, ProfileState] => [
        r.id,
        { id: r.id, traits: r.traits, traitTimestamps: r.trait_timestamps, consent: r.consent },
      ]),
    ),
    storedMessageIds: new Set(stored.rows.map((r) => r.message_id)),
  };
}
