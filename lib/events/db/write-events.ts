import type pg from "pg";
import { copyInto } from "@/lib/db/copy-rows";
import { ORDER_EVENT, SESSION_GAP_SECONDS } from "@/lib/profiles/aggregates";
import { counterDelta } from "../apply";
import type { NormalizedEvent } from "../normalize";

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

type Pending = { event: NormalizedEvent; profileId: string };

const EVENT_COLUMNS = [
  "workspace_id",
  "profile_id",
  "type",
  "name",
  "properties",
  "context",
  "message_id",
  "occurred_at",
  "received_at",
];
const UNIQUE_VIOLATION = "23505";

/** The events as rows of EVENT_COLUMNS, for COPY. */
const rowsOf = (workspaceId: string, events: readonly Pending[], receivedAt: Date) => {
  const at = receivedAt.toISOString();
  return events.map(({ event, profileId }) => [
    workspaceId,
    profileId,
    event.type,
    event.name,
    JSON.stringify(event.properties),
    JSON.stringify(event.context),
    event.messageId,
    event.occurredAt.toISOString(),
    event.receivedAt?.toISOString() ?? at,
  ]);
};

/**
 * Inserts the events, each messageId once (its first occurrence in the
 * batch), and returns those stored. When none was stored before, the common
 * case, that is one COPY straight into the table. A messageId stored before
 * (a retried batch, or the same one sent twice at once) fails that COPY with
 * a unique violation: it is rolled back to a savepoint, and the batch goes
 * through the connection's staging table with `ON CONFLICT DO NOTHING`.
 */
async function insertEvents(
  client: pg.PoolClient,
  workspaceId: string,
  events: readonly Pending[],
  receivedAt: Date,
): Promise<Pending[]> {
  const seen = new Set<string>();
  const unique = events.filter(({ event }) => !seen.has(event.messageId) && seen.add(event.messageId));
  const rows = rowsOf(workspaceId, unique, receivedAt);
  await client.query("SAVEPOINT copy_events");
  try {
    await copyInto(client, "events", EVENT_COLUMNS, rows);
    await client.query("RELEASE SAVEPOINT copy_events");
    return unique;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query("ROLLBACK TO SAVEPOINT copy_events");
  }
  // every time, in the transaction: a creation rolled back with its transaction must not be taken for done
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS events_stage (workspace_id text, profile_id text, type text, name text, properties jsonb, context jsonb, message_id text, occurred_at timestamptz, received_at timestamptz) ON COMMIT DELETE ROWS`,
  );
  await copyInto(client, "events_stage", EVENT_COLUMNS, rows);
  const columns = EVENT_COLUMNS.join(", ");
  const inserted = await client.query<{ message_id: string }>(
    `INSERT INTO events (${columns}) SELECT ${columns} FROM events_stage ON CONFLICT (workspace_id, message_id) DO NOTHING RETURNING message_id`,
  );
  const newIds = new Set(inserted.rows.map((r) => r.message_id));
  return unique.filter((e) => newIds.has(e.event.messageId));
}

/**
 * Inserts events (a retried messageId is skipped, not stored twice), then
 * locks their profiles (in id order) and adds what was really inserted to
 * the daily rollups (in key order) and the profiles' counters: the locks
 * are held only from there to the commit. `fresh` are profiles the batch
 * created (no session before its events). Returns the messageIds of the events that were new.
 */
export async function writeEvents(
  client: pg.PoolClient,
  workspaceId: string,
  events: Pending[],
  fresh: ReadonlySet<string>,
  receivedAt: Date,
): Promise<string[]> {
  if (events.length === 0) return [];
  const stored = await insertEvents(client, workspaceId, events, receivedAt);
  if (stored.length === 0) return [];

  const rollups = new Map<string, { profileId: string; day: string; name: string; count: number; revenue: number }>();
  const byProfile = new Map<string, NormalizedEvent[]>();
  for (const { event, profileId } of stored) {
    const day = utcDay(event.occurredAt);
    const key = `${profileId}\u0000${day}\u0000${event.name}`;
    const row = rollups.get(key) ?? { profileId, day, name: event.name, count: 0, revenue: 0 };
    row.count += 1;
    row.revenue += event.revenue ?? 0;
    rollups.set(key, row);
    const list = byProfile.get(profileId);
    if (list) list.push(event);
    else byProfile.set(profileId, [event]);
  }
  const locked = await client.query<{ id: string; last_seen_at: Date }>(
    `SELECT id, last_seen_at FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`,
    [workspaceId, [...byProfile.keys()].sort()],
  );
  // a profile this batch created has no session before its events (its stored last_seen_at is theirs)
  const lastSeenBefore = new Map(locked.rows.map((row) => [row.id, fresh.has(row.id) ? null : row.last_seen_at]));
  // in one order for every batch, so that two batches never wait on each other's rows in a cycle
  const r = [...rollups.keys()].sort().map((key) => rollups.get(key)!);
  await client.query(
    `INSERT INTO profile_daily_rollups (workspace_id, profile_id, day, event_name, count, revenue)
     SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::int[], $6::numeric[])
     ON CONFLICT (workspace_id, profile_id, day, event_name)
     DO UPDATE SET count = profile_daily_rollups.count + excluded.count, revenue = profile_daily_rollups.revenue + excluded.revenue`,
    [
      workspaceId,
      r.map((x) => x.profileId),
      r.map((x) => x.day),
      r.map((x) => x.name),
      r.map((x) => x.count),
      r.map((x) => x.revenue),
    ],
  );

  const deltas = [...byProfile].map(([id, list]) => {
    const orders = list
      .filter((e) => e.name === ORDER_EVENT)
      .map((e) => ({ at: e.occurredAt, revenue: e.revenue ?? 0 }));
    return {
      id,
      ...counterDelta(
        list.map((e) => e.occurredAt),
        orders,
        lastSeenBefore.get(id) ?? null,
        SESSION_GAP_SECONDS * 1000,
      ),
    };
  });
  await client.query(
    `UPDATE profiles p SET event_count = p.event_count + u.events, sessions = p.sessions + u.sessions,
       orders = p.orders + u.orders, revenue = p.revenue + u.revenue,
       first_seen_at = LEAST(p.first_seen_at, u.first_seen), last_seen_at = GREATEST(p.last_seen_at, u.last_seen),
       first_order_at = LEAST(p.first_order_at, u.first_order), last_order_at = GREATEST(p.last_order_at, u.last_order), updated_at = now()
     FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::numeric[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
       AS u(id, events, sessions, orders, revenue, first_seen, last_seen, first_order, last_order)
     WHERE p.workspace_id = $1 AND p.id = u.id`,
    [
      workspaceId,
      deltas.map((d) => d.id),
      deltas.map((d) => d.events),
      deltas.map((d) => d.sessions),
      deltas.map((d) => d.orders),
      deltas.map((d) => d.revenue),
      deltas.map((d) => d.firstSeen.toISOString()),
      deltas.map((d) => d.lastSeen.toISOString()),
      deltas.map((d) => d.firstOrder?.toISOString() ?? null),
      deltas.map((d) => d.lastOrder?.toISOString() ?? null),
    ],
  );
  return stored.map(({ event }) => event.messageId);
}
