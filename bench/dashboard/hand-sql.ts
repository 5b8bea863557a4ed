// The raw-event statements the dashboard benchmark measures the product against: the same questions asked
// plainly of the events and exposures tables, written apart from lib/analytics so that their answers also
// check the product's. $1 the workspace, $2 and $3 the first and last local day, $4 the time zone.

const SPAN = `e.occurred_at >= ($2::date::timestamp AT TIME ZONE $4) AND e.occurred_at < (($3::date + 1)::timestamp AT TIME ZONE $4)`;

/** Visitors, buyers, orders and revenue over the span. */
export const OVERVIEW_SQL = `
  SELECT count(DISTINCT e.profile_id)::int AS visitors,
         count(DISTINCT e.profile_id) FILTER (WHERE e.name = 'Order Completed')::int AS buyers,
         count(*) FILTER (WHERE e.name = 'Order Completed')::int AS orders,
         coalesce(sum((e.properties->>'revenue')::numeric) FILTER (WHERE e.name = 'Order Completed'
           AND jsonb_typeof(e.properties->'revenue') = 'number'), 0)::float8 AS revenue
  FROM events e WHERE e.workspace_id = $1 AND e.type IN ('page', 'screen', 'track') AND ${SPAN}`;

/** Visitors per segment ($5: the segment ids) among its members at some time in the span. */
export const SEGMENTS_SQL = `
  SELECT m.segment_id, count(DISTINCT e.profile_id)::int AS visitors
  FROM events e JOIN segment_memberships m ON m.workspace_id = $1 AND m.profile_id = e.profile_id
    AND m.segment_id = ANY($5::text[])
    AND m.entered_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
    AND (m.exited_at IS NULL OR m.exited_at >= ($2::date::timestamp AT TIME ZONE $4))
  WHERE e.workspace_id = $1 AND e.type IN ('page', 'screen', 'track') AND ${SPAN}
  GROUP BY m.segment_id`;

/** Impressions per variant over the span. */
export const CONTENT_SQL = `
  SELECT v AS variant_id, sum(x.impressions)::int AS impressions
  FROM exposures x CROSS JOIN LATERAL unnest(x.variant_ids) AS v
  WHERE x.workspace_id = $1 AND x.occurred_at >= ($2::date::timestamp AT TIME ZONE $4)
    AND x.occurred_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
  GROUP BY v`;

/** The view → add → order funnel within 7 days of entry. */
export const FUNNEL_SQL = `
  WITH s0 AS (SELECT e.profile_id, min(e.occurred_at) AS t FROM events e
              WHERE e.workspace_id = $1 AND e.name = 'Product Viewed' AND ${SPAN} GROUP BY e.profile_id),
  s1 AS (SELECT s0.profile_id, min(e.occurred_at) AS t FROM s0 JOIN events e ON e.workspace_id = $1
           AND e.profile_id = s0.profile_id AND e.name = 'Product Added'
           AND e.occurred_at > s0.t AND e.occurred_at <= s0.t + interval '7 days' GROUP BY s0.profile_id),
  s2 AS (SELECT s1.profile_id FROM s1 JOIN s0 USING (profile_id) JOIN events e ON e.workspace_id = $1
           AND e.profile_id = s1.profile_id AND e.name = 'Order Completed'
           AND e.occurred_at > s1.t AND e.occurred_at <= s0.t + interval '7 days' GROUP BY s1.profile_id)
  SELECT (SELECT count(*) FROM s0)::int AS viewed, (SELECT count(*) FROM s1)::int AS added,
         (SELECT count(*) FROM s2)::int AS ordered`;
