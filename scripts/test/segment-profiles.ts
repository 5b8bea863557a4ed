import type pg from "pg";
import type { ComputedValues, SegmentEvent } from "@/lib/segments/state";

/** A profile to write for a database test of the segment interpreters. */
export type ProfileFixture = {
  id: string;
  traits: Record<string, unknown>;
  computed: ComputedValues;
  events: readonly SegmentEvent[];
  staticSegments?: string[];
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Replaces the workspace's profiles with these (events and static memberships included). */
export async function loadProfiles(pool: pg.Pool, workspaceId: string, profiles: ProfileFixture[]): Promise<void> {
  await pool.query(`DELETE FROM profiles WHERE workspace_id = $1`, [workspaceId]);
  const rows = profiles.map(({ id, traits, computed: c }) => ({
    id,
    traits,
    first_seen_at: iso(c.firstSeenAt),
    last_seen_at: iso(c.lastSeenAt),
    sessions: c.sessions,
    event_count: c.eventCount,
    orders: c.orders,
    revenue: String(c.revenue),
    last_order_at: iso(c.lastOrderAt),
    r: c.rfmRecency,
    f: c.rfmFrequency,
    m: c.rfmMonetary,
  }));
  await pool.query(
    `INSERT INTO profiles (id, workspace_id, traits, first_seen_at, last_seen_at, sessions, event_count, orders, revenue, last_order_at, rfm_recency, rfm_frequency, rfm_monetary, updated_at)
     SELECT u.id, $1, u.traits, u.first_seen_at, u.last_seen_at, u.sessions, u.event_count, u.orders, u.revenue, u.last_order_at, u.r, u.f, u.m, now()
     FROM jsonb_to_recordset($2::jsonb) AS u(id text, traits jsonb, first_seen_at timestamptz, last_seen_at timestamptz, sessions int, event_count int, orders int, revenue numeric, last_order_at timestamptz, r smallint, f smallint, m smallint)`,
    [workspaceId, JSON.stringify(rows)],
  );
  const events = profiles.flatMap((p) =>
    p.events.map((e, j) => ({ p: p.id, n: e.name, pr: e.properties, m: `${p.id}-${j}`, o: iso(e.occurredAt) })),
  );
  await pool.query(
    `INSERT INTO events (workspace_id, profile_id, type, name, properties, message_id, occurred_at)
     SELECT $1, u.p, 'track', u.n, u.pr, u.m, u.o FROM jsonb_to_recordset($2::jsonb) AS u(p text, n text, pr jsonb, m text, o timestamptz)`,
    [workspaceId, JSON.stringify(events)],
  );
  const members = profiles.flatMap((p) => (p.staticSegments ?? []).map((segment) => ({ s: segment, p: p.id })));
  await pool.query(
    `INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at) SELECT $1, u.s, u.p, now() FROM jsonb_to_recordset($2::jsonb) AS u(s text, p text)`,
    [workspaceId, JSON.stringify(members)],
  );
}
