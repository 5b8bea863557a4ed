import { pgPool } from "@/lib/db/pg-pool";
import type { ProfileState } from "@/lib/segments/state";
import type { VisitorState } from "../types";
import { DAY_MS } from "@/lib/time";

/** At most this many of a visitor's most recent events are read for a decision. */
export const MAX_VISITOR_EVENTS = 1_000;
/** At most this many assignments are read (a profile's units times the experiments they were in). */
export const MAX_VISITOR_ASSIGNMENTS = 500;

type Row = {
  id: string;
  traits: Record<string, unknown>;
  consent: Record<string, { granted?: boolean } | undefined>;
  orders: number;
  revenue: string;
  sessions: number;
  event_count: number;
  first_seen_at: Date;
  last_seen_at: Date;
  last_order_at: Date | null;
  rfm_recency: number | null;
  rfm_frequency: number | null;
  rfm_monetary: number | null;
  events: { n: string; t: string; p: Record<string, unknown> }[] | null;
  statics: string[] | null;
  assignments: { e: string; u: string; v: string; p: number; t: string }[] | null;
};
type ProfileRow = { [K in keyof Row]: K extends "assignments" ? Row[K] : Row[K] | null };

/** A visitor the platform knows nothing of (yet). */
export const ANONYMOUS_VISITOR: VisitorState = {
  profileId: null,
  profile: null,
  personalization: true,
  assignments: [],
};

/**
 * What a decision knows of a visitor, in one indexed query: the profile that
 * the user id (else the anonymous id) resolves to (or the profile itself, for previews), its events of the last
 * `historyDays` (newest 1,000, oldest first), its static segments, and the
 * experiment assignments of every anonymous and user id of the profile and of
 * the request's own ids (so that a visitor without a profile yet keeps its
 * arms too). A visitor without any id reads nothing.
 */
export async function loadVisitor(
  workspaceId: string,
  ids: { userId?: string; anonymousId?: string; profileId?: string },
  historyDays: number,
  now: number,
): Promise<VisitorState> {
  if (!ids.userId && !ids.anonymousId && !ids.profileId) return ANONYMOUS_VISITOR;
  const { rows } = await pgPool().query<ProfileRow>(
    `WITH who AS (
       SELECT $5::text AS profile_id WHERE $5::text IS NOT NULL
       UNION ALL
       (SELECT profile_id FROM identities
        WHERE $5::text IS NULL AND workspace_id = $1 AND ((type = 'user_id' AND value = $2) OR (type = 'anonymous_id' AND value = $3))
        ORDER BY (type = 'user_id') DESC LIMIT 1)),
     p AS (SELECT p.* FROM who JOIN profiles p ON p.workspace_id = $1 AND p.id = who.profile_id)
     SELECT p.id, p.traits, p.consent, p.orders, p.revenue, p.sessions, p.event_count, p.first_seen_at, p.last_seen_at, p.last_order_at,
            p.rfm_recency, p.rfm_frequency, p.rfm_monetary,
            (SELECT json_agg(json_build_object('n', e.name, 't', e.occurred_at, 'p', e.properties) ORDER BY e.occurred_at)
               FROM (SELECT name, occurred_at, properties FROM events
                     WHERE workspace_id = $1 AND profile_id = p.id AND occurred_at > $4::timestamptz
                     ORDER BY occurred_at DESC LIMIT ${MAX_VISITOR_EVENTS}) e) AS events,
            (SELECT array_agg(m.segment_id) FROM segment_memberships m JOIN segments s ON s.id = m.segment_id AND s.kind = 'static'
               WHERE m.workspace_id = $1 AND m.profile_id = p.id AND m.exited_at IS NULL) AS statics,
            (SELECT json_agg(json_build_object('e', a.experiment_id, 'u', a.unit_id, 'v', a.variation_id, 'p', a.phase, 't', a.assigned_at))
               FROM (SELECT a.experiment_id, a.unit_id, a.variation_id, a.phase, a.assigned_at FROM assignments a
                     WHERE a.workspace_id = $1 AND a.unit_id IN (
                       SELECT i.value FROM identities i WHERE i.workspace_id = $1 AND i.profile_id = p.id AND i.type IN ('anonymous_id', 'user_id')
                       UNION ALL SELECT u FROM unnest(ARRAY[$2::text, $3::text]) u WHERE u IS NOT NULL)
                     LIMIT ${MAX_VISITOR_ASSIGNMENTS}) a) AS assignments
     FROM (SELECT 1) one LEFT JOIN p ON true`,
    [
      workspaceId,
      ids.userId ?? null,
      ids.anonymousId ?? null,
      new Date(now - historyDays * DAY_MS).toISOString(),
      ids.profileId ?? null,
    ],
  );
  const r = rows[0];
  const assignments = (r?.assignments ?? []).map((a) => ({
    experimentId: a.e,
    unitId: a.u,
    variationId: a.v,
    phase: a.p,
    assignedAt: Date.parse(a.t),
  }));
  if (!r?.id) return assignments.length > 0 ? { ...ANONYMOUS_VISITOR, assignments } : ANONYMOUS_VISITOR;
  const t = (d: Date | null) => (d ? d.getTime() : null);
  const profile: ProfileState = {
    traits: r.traits ?? {},
    computed: {
      orders: r.orders ?? 0,
      revenue: r.revenue ?? "0",
      sessions: r.sessions ?? 0,
      eventCount: r.event_count ?? 0,
      firstSeenAt: t(r.first_seen_at),
      lastSeenAt: t(r.last_seen_at),
      lastOrderAt: t(r.last_order_at),
      rfmRecency: r.rfm_recency,
      rfmFrequency: r.rfm_frequency,
      rfmMonetary: r.rfm_monetary,
    },
    events: (r.events ?? []).map((e) => ({ name: e.n, occurredAt: Date.parse(e.t), properties: e.p ?? {} })),
    staticSegments: new Set(r.statics ?? []),
  };
  return { profileId: r.id, profile, personalization: r.consent?.personalization?.granted !== false, assignments };
}
