/** Seconds of inactivity that end a session (the usual 30 minutes). */
export const SESSION_GAP_SECONDS = 30 * 60;
/** The event whose `revenue` property counts as an order. */
export const ORDER_EVENT = "Order Completed";

/** A parameterized statement, runnable by pg (`client.query(text, values)`) or Prisma (`$executeRawUnsafe(text, ...values)`). */
export type SqlStatement = { text: string; values: unknown[] };

/**
 * Recomputes profiles' computed values from their events: first/last seen,
 * sessions (a gap over 30 minutes starts one), events, orders, revenue and
 * first/last order. Used after bulk loads and merges; ingest keeps them
 * current incrementally. `profileIds` null means the whole workspace.
 */
export function recomputeAggregatesStatement(workspaceId: string, profileIds: string[] | null): SqlStatement {
  return {
    text: `
    WITH ordered AS (
      SELECT profile_id, name, occurred_at, properties,
             CASE WHEN occurred_at - lag(occurred_at) OVER (PARTITION BY profile_id ORDER BY occurred_at) <= make_interval(secs => $3)
                  THEN 0 ELSE 1 END AS starts_session
      FROM events
      WHERE workspace_id = $1 AND ($2::text[] IS NULL OR profile_id = ANY($2::text[]))
    ), totals AS (
      SELECT profile_id, min(occurred_at) AS first_seen, max(occurred_at) AS last_seen,
             sum(starts_session)::int AS sessions, count(*)::int AS events,
             count(*) FILTER (WHERE name = $4)::int AS orders,
             coalesce(sum(CASE WHEN name = $4 AND jsonb_typeof(properties->'revenue') = 'number' THEN (properties->>'revenue')::numeric END), 0) AS revenue,
             min(occurred_at) FILTER (WHERE name = $4) AS first_order,
             max(occurred_at) FILTER (WHERE name = $4) AS last_order
      FROM ordered GROUP BY profile_id
    )
    UPDATE profiles p SET
      first_seen_at = LEAST(p.first_seen_at, t.first_seen), last_seen_at = GREATEST(p.last_seen_at, t.last_seen),
      sessions = t.sessions, event_count = t.events, orders = t.orders, revenue = t.revenue,
      first_order_at = t.first_order, last_order_at = t.last_order, updated_at = now()
    FROM totals t
    WHERE p.workspace_id = $1 AND p.id = t.profile_id`,
    values: [workspaceId, profileIds, SESSION_GAP_SECONDS, ORDER_EVENT],
  };
}

/**
 * RFM scores as quintiles (1–5) among the workspace's buyers: recency by last
 * order (most recent = 5), frequency by orders, monetary by revenue. Profiles
 * without orders lose any scores they had.
 */
export function rfmStatements(workspaceId: string): SqlStatement[] {
  return [
    {
      text: `UPDATE profiles SET rfm_recency = NULL, rfm_frequency = NULL, rfm_monetary = NULL, rfm_computed_at = now()
             WHERE workspace_id = $1 AND orders = 0 AND rfm_recency IS NOT NULL`,
      values: [workspaceId],
    },
    {
      text: `WITH scored AS (
               SELECT id, ntile(5) OVER (ORDER BY last_order_at, id) AS r, ntile(5) OVER (ORDER BY orders, id) AS f, ntile(5) OVER (ORDER BY revenue, id) AS m
               FROM profiles WHERE workspace_id = $1 AND orders > 0)
             UPDATE profiles p SET rfm_recency = s.r, rfm_frequency = s.f, rfm_monetary = s.m, rfm_computed_at = now()
             FROM scored s WHERE p.id = s.id AND p.workspace_id = $1`,
      values: [workspaceId],
    },
  ];
}
