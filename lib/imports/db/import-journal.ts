import { pgPool } from "@/lib/db/pg-pool";
import { identitiesOf, type IngestResult } from "@/lib/events/db/ingest";
import { lookUp } from "@/lib/events/db/resolve-identities";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { identityKey } from "@/lib/identity/resolve";
import { UNDO_DAYS } from "../journal";

type Journaled = { workspaceId: string; identitySalt: string; jobId: string };

/**
 * Before a chunk of an import is stored: journals the profiles its identities lead to, as they are, unless
 * the import journaled them already (so a profile keeps its state from before the import's first touch, and
 * one the import created stays created).
 */
export async function journalBefore(job: Journaled, events: NormalizedEvent[]): Promise<void> {
  const pool = pgPool();
  const keys = new Set<string>();
  for (const e of events) {
    const m = identitiesOf(e, job.identitySalt, "import");
    if (m.userId) keys.add(identityKey("user_id", m.userId));
    if (m.email) keys.add(identityKey("email", m.email));
    if (m.phone) keys.add(identityKey("phone", m.phone));
    if (m.anonymousId) keys.add(identityKey("anonymous_id", m.anonymousId));
  }
  const owners = await lookUp(pool, job.workspaceId, [...keys]);
  const profiles = [...new Set(owners.values())];
  if (profiles.length > 0)
    await pool.query(
      `INSERT INTO import_job_profiles (job_id, workspace_id, profile_id, created, before, identity_ids, consent_floor)
       SELECT $1, $2, p.id, false,
              jsonb_build_object('traits', p.traits, 'traitTimestamps', p.trait_timestamps, 'consent', p.consent,
                                 'firstSeenAt', to_jsonb(p.first_seen_at), 'lastSeenAt', to_jsonb(p.last_seen_at),
                                 'eventCount', p.event_count, 'sessions', p.sessions, 'orders', p.orders,
                                 'revenue', p.revenue::text, 'firstOrderAt', to_jsonb(p.first_order_at),
                                 'lastOrderAt', to_jsonb(p.last_order_at)),
              coalesce((SELECT array_agg(i.id) FROM identities i WHERE i.workspace_id = $2 AND i.profile_id = p.id), '{}'),
              coalesce((SELECT max(c.id) FROM consent_changes c WHERE c.workspace_id = $2 AND c.profile_id = p.id), 0)
       FROM profiles p WHERE p.workspace_id = $2 AND p.id = ANY($3::text[])
       ON CONFLICT (job_id, profile_id) DO NOTHING`,
      [job.jobId, job.workspaceId, profiles],
    );
}

/** After a chunk is stored: journals the profiles it created and the events it stored, as ingest says. */
export async function journalAfter(job: Journaled, stored: IngestResult): Promise<void> {
  const pool = pgPool();
  if (stored.newProfiles.length > 0)
    await pool.query(
      `INSERT INTO import_job_profiles (job_id, workspace_id, profile_id, created, identity_ids)
       SELECT $1, $2, p, true, '{}' FROM unnest($3::text[]) AS p
       ON CONFLICT (job_id, profile_id) DO NOTHING`,
      [job.jobId, job.workspaceId, stored.newProfiles],
    );
  if (stored.storedMessageIds.length > 0)
    await pool.query(
      `INSERT INTO import_job_events (job_id, workspace_id, message_id) SELECT $1, $2, m FROM unnest($3::text[]) AS m
       ON CONFLICT DO NOTHING`,
      [job.jobId, job.workspaceId, stored.storedMessageIds],
    );
}

/** Drops the journals of a workspace's imports too old to be undone (run as each import starts). */
export async function dropExpiredJournals(workspaceId: string, now: Date): Promise<void> {
  const pool = pgPool();
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM import_jobs WHERE workspace_id = $1 AND created_at < $2::timestamptz - make_interval(days => $3)
     AND (EXISTS (SELECT 1 FROM import_job_profiles p WHERE p.job_id = import_jobs.id)
          OR EXISTS (SELECT 1 FROM import_job_events e WHERE e.job_id = import_jobs.id))`,
    [workspaceId, now, UNDO_DAYS],
  );
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return;
  await pool.query(`DELETE FROM import_job_profiles WHERE job_id = ANY($1::text[])`, [ids]);
  await pool.query(`DELETE FROM import_job_events WHERE job_id = ANY($1::text[])`, [ids]);
}
