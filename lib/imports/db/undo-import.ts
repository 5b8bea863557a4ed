import { db } from "@/lib/db/client";
import { inTransaction, pgPool } from "@/lib/db/pg-pool";
import { recordAudit } from "@/lib/audit/db/record-audit";
import type { ConsentState } from "@/lib/events/consent";
import { ORDER_EVENT, SESSION_GAP_SECONDS } from "@/lib/profiles/aggregates";
import type { VisitorIds } from "@/lib/signals/signals";
import { importJournalBeforeSchema, restoreStated } from "../journal";

const EVENTS_PER_STEP = 1000;
const PROFILES_PER_STEP = 500;

export type UndoneImport = {
  events: number;
  /** Profiles the import created, removed. */
  removed: number;
  /** Profiles restored to what they were (and those the import created that had other activity since, kept). */
  restored: number;
  /** The profiles left, and the visitors of every profile touched: what segments and decisions refresh. */
  profileIds: string[];
  visitors: VisitorIds[];
};

type JournalRow = {
  profile_id: string;
  created: boolean;
  before: unknown;
  identity_ids: string[];
  consent_floor: string;
};

/** The later import, not undone, that touched a profile this one did (it must be undone first), if any. */
export async function laterImportTouching(workspaceId: string, jobId: string, createdAt: Date) {
  const { rows } = await pgPool().query<{ id: string; file_name: string }>(
    `SELECT j.id, j.file_name FROM import_job_profiles a
     JOIN import_job_profiles b ON b.workspace_id = a.workspace_id AND b.profile_id = a.profile_id AND b.job_id <> a.job_id
     JOIN import_jobs j ON j.id = b.job_id
     WHERE a.job_id = $1 AND a.workspace_id = $2 AND j.created_at > $3 AND j.status <> 'undone'
     LIMIT 1`,
    [jobId, workspaceId, createdAt],
  );
  return rows[0] ?? null;
}

/**
 * Undoes an import from its journal, in short transactions (no step locks more than 1,000 events or 500
 * profiles): the events it stored are deleted; the profiles it created are deleted with their identities,
 * consent history and rollups, unless they have events of their own since (then kept, as the others); the
 * profiles it found get back the traits and consent choices it wrote (not those written since), lose the
 * identities and `import` consent changes it added, and have their counters and daily rollups recomputed
 * from the events left; the dashboards' rollups re-roll them (`rollup_rerolls`). Repeating it after a crash
 * ends the same. Last, in one transaction, the job is marked undone, its journal dropped and the audit
 * log written.
 */
export async function undoImportJournal(
  workspaceId: string,
  job: { id: string; createdAt: Date; finishedAt: Date | null },
  userId: string,
): Promise<UndoneImport> {
  const pool = pgPool();
  const touched = new Set<string>();
  let events = 0;
  for (let after = ""; ;) {
    const { rows } = await pool.query<{ message_id: string }>(
      `SELECT message_id FROM import_job_events WHERE job_id = $1 AND message_id > $2 ORDER BY message_id LIMIT $3`,
      [job.id, after, EVENTS_PER_STEP],
    );
    if (rows.length === 0) break;
    after = rows.at(-1)!.message_id;
    const deleted = await pool.query<{ profile_id: string }>(
      `DELETE FROM events WHERE workspace_id = $1 AND message_id = ANY($2::text[]) RETURNING profile_id`,
      [workspaceId, rows.map((r) => r.message_id)],
    );
    events += deleted.rowCount ?? 0;
    for (const row of deleted.rows) touched.add(row.profile_id);
  }

  let [removed, restored] = [0, 0];
  const kept: string[] = [];
  const visitors: VisitorIds[] = [];
  const limit = job.createdAt;
  const windowEnd = job.finishedAt ?? new Date();
  for (let after = ""; ;) {
    const { rows } = await pool.query<JournalRow>(
      `SELECT profile_id, created, before, identity_ids, consent_floor::text FROM import_job_profiles
       WHERE job_id = $1 AND profile_id > $2 ORDER BY profile_id LIMIT $3`,
      [job.id, after, PROFILES_PER_STEP],
    );
    if (rows.length === 0) break;
    after = rows.at(-1)!.profile_id;
    await inTransaction(async (client) => {
      const ids = rows.map((r) => r.profile_id);
      const current = await client.query<{
        id: string;
        traits: Record<string, unknown>;
        trait_timestamps: Record<string, string>;
        consent: ConsentState;
        has_events: boolean;
      }>(
        `SELECT p.id, p.traits, p.trait_timestamps, p.consent,
                EXISTS (SELECT 1 FROM events e WHERE e.workspace_id = p.workspace_id AND e.profile_id = p.id) AS has_events
         FROM profiles p WHERE p.workspace_id = $1 AND p.id = ANY($2::text[]) ORDER BY p.id FOR UPDATE`,
        [workspaceId, ids],
      );
      const ids2 = await client.query<{ profile_id: string; type: string; value: string }>(
        `SELECT profile_id, type::text, value FROM identities
         WHERE workspace_id = $1 AND profile_id = ANY($2::text[]) AND type IN ('user_id', 'anonymous_id')`,
        [workspaceId, ids],
      );
      for (const i of ids2.rows) visitors.push(i.type === "user_id" ? { userId: i.value } : { anonymousId: i.value });
      const journal = new Map(rows.map((r) => [r.profile_id, r]));
      const gone = current.rows.filter((p) => journal.get(p.id)!.created && !p.has_events).map((p) => p.id);
      if (gone.length > 0) {
        await client.query(`DELETE FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[])`, [
          workspaceId,
          gone,
        ]);
        removed += gone.length;
      }
      const stay = current.rows.filter((p) => !gone.includes(p.id));
      if (stay.length === 0) return;
      // a profile the import created, kept for its own events since: nothing of before (its counters recounted)
      const empty = {
        traits: {},
        traitTimestamps: {},
        consent: {},
        firstSeenAt: null,
        lastSeenAt: null,
        eventCount: -1,
        sessions: 0,
        orders: 0,
        revenue: 0,
        firstOrderAt: null,
        lastOrderAt: null,
      };
      const befores = stay.map((p) => {
        const row = journal.get(p.id)!;
        return row.before ? importJournalBeforeSchema.parse(row.before) : empty;
      });
      const states = stay.map((p, i) =>
        restoreStated(
          { traits: p.traits, traitTimestamps: p.trait_timestamps, consent: p.consent },
          { ...befores[i]!, consent: befores[i]!.consent as ConsentState },
          limit,
        ),
      );
      const stayIds = stay.map((p) => p.id);
      await client.query(
        `UPDATE profiles p SET traits = u.t::jsonb, trait_timestamps = u.ts::jsonb, consent = u.c::jsonb, updated_at = now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, t, ts, c) WHERE p.workspace_id = $1 AND p.id = u.id`,
        [
          workspaceId,
          stayIds,
          states.map((s) => JSON.stringify(s.traits)),
          states.map((s) => JSON.stringify(s.traitTimestamps)),
          states.map((s) => JSON.stringify(s.consent)),
        ],
      );
      await client.query(
        `DELETE FROM consent_changes c USING unnest($2::text[], $3::bigint[]) AS u(p, floor)
         WHERE c.workspace_id = $1 AND c.profile_id = u.p AND c.source = 'import' AND c.id > u.floor`,
        [workspaceId, stayIds, stayIds.map((id) => journal.get(id)!.consent_floor)],
      );
      await client.query(
        `DELETE FROM identities WHERE workspace_id = $1 AND profile_id = ANY($2::text[]) AND NOT (id = ANY($3::text[]))
         AND created_at >= $4 AND created_at <= $5`,
        [workspaceId, stayIds, stayIds.flatMap((id) => journal.get(id)!.identity_ids), job.createdAt, windowEnd],
      );
      // counters as they were when no event has come since the import (ingest keeps them incrementally, which
      // a recount may not match for events that arrived out of order), else recounted from the events left;
      // first and last seen no earlier or later than before
      await client.query(
        `WITH ordered AS (
           SELECT profile_id, name, occurred_at, properties,
                  CASE WHEN occurred_at - lag(occurred_at) OVER (PARTITION BY profile_id ORDER BY occurred_at) <= make_interval(secs => $4)
                       THEN 0 ELSE 1 END AS starts_session
           FROM events WHERE workspace_id = $1 AND profile_id = ANY($2::text[])
         ), totals AS (
           SELECT u.id, min(o.occurred_at) AS first_seen, max(o.occurred_at) AS last_seen,
                  coalesce(sum(o.starts_session), 0)::int AS sessions, count(o.profile_id)::int AS events,
                  count(*) FILTER (WHERE o.name = $5)::int AS orders,
                  coalesce(sum(CASE WHEN o.name = $5 AND jsonb_typeof(o.properties->'revenue') = 'number' THEN (o.properties->>'revenue')::numeric END), 0) AS revenue,
                  min(o.occurred_at) FILTER (WHERE o.name = $5) AS first_order,
                  max(o.occurred_at) FILTER (WHERE o.name = $5) AS last_order
           FROM unnest($2::text[]) AS u(id) LEFT JOIN ordered o ON o.profile_id = u.id GROUP BY u.id
         ), before AS (
           SELECT * FROM unnest($2::text[], $3::timestamptz[], $6::timestamptz[], $7::int[], $8::int[], $9::int[],
                                $10::numeric[], $11::timestamptz[], $12::timestamptz[])
             AS b(id, first_seen, last_seen, events, sessions, orders, revenue, first_order, last_order)
         )
         UPDATE profiles p SET
           first_seen_at = coalesce(LEAST(b.first_seen, t.first_seen), b.first_seen, t.first_seen, p.first_seen_at),
           last_seen_at = coalesce(GREATEST(b.last_seen, t.last_seen), b.last_seen, t.last_seen, p.last_seen_at),
           event_count = t.events,
           sessions = CASE WHEN t.events = b.events THEN b.sessions ELSE t.sessions END,
           orders = CASE WHEN t.events = b.events THEN b.orders ELSE t.orders END,
           revenue = CASE WHEN t.events = b.events THEN b.revenue ELSE t.revenue END,
           first_order_at = CASE WHEN t.events = b.events THEN b.first_order ELSE t.first_order END,
           last_order_at = CASE WHEN t.events = b.events THEN b.last_order ELSE t.last_order END,
           updated_at = now()
         FROM totals t JOIN before b ON b.id = t.id
         WHERE p.workspace_id = $1 AND p.id = t.id`,
        [
          workspaceId,
          stayIds,
          befores.map((b) => b.firstSeenAt),
          SESSION_GAP_SECONDS,
          ORDER_EVENT,
          befores.map((b) => b.lastSeenAt),
          befores.map((b) => b.eventCount),
          befores.map((b) => b.sessions),
          befores.map((b) => b.orders),
          befores.map((b) => String(b.revenue)),
          befores.map((b) => b.firstOrderAt),
          befores.map((b) => b.lastOrderAt),
        ],
      );
      await client.query(`DELETE FROM profile_daily_rollups WHERE workspace_id = $1 AND profile_id = ANY($2::text[])`, [
        workspaceId,
        stayIds,
      ]);
      await client.query(
        `INSERT INTO profile_daily_rollups (workspace_id, profile_id, day, event_name, count, revenue)
         SELECT $1, profile_id, (occurred_at AT TIME ZONE 'UTC')::date, name, count(*)::int,
                coalesce(sum(CASE WHEN jsonb_typeof(properties->'revenue') = 'number' THEN (properties->>'revenue')::numeric ELSE 0 END), 0)
         FROM events WHERE workspace_id = $1 AND profile_id = ANY($2::text[]) GROUP BY 2, 3, 4`,
        [workspaceId, stayIds],
      );
      restored += stay.length;
      kept.push(...stayIds);
    });
    await pool.query(
      `INSERT INTO rollup_rerolls (workspace_id, profile_id, requested_at) SELECT $1, p, now() FROM unnest($2::text[]) AS p
       ON CONFLICT (workspace_id, profile_id) DO UPDATE SET requested_at = excluded.requested_at`,
      [workspaceId, [...new Set([...rows.map((r) => r.profile_id), ...touched])]],
    );
  }

  const figures = { events, removed, restored };
  await db.$transaction(async (tx) => {
    await tx.importJob.update({
      where: { id: job.id },
      data: { status: "undone", undoneAt: new Date(), undoneById: userId },
    });
    await tx.importJobProfile.deleteMany({ where: { jobId: job.id } });
    await tx.importJobEvent.deleteMany({ where: { jobId: job.id } });
    await recordAudit(tx, workspaceId, { kind: "user", id: userId }, [
      {
        action: "import.undone",
        targetType: "import_job",
        targetId: job.id,
        before: { status: "completed" },
        after: { status: "undone", ...figures },
      },
    ]);
  });
  return { ...figures, profileIds: kept, visitors };
}
