import { boundedQuery } from "./bounded-statement";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { ATTRIBUTION_DAYS, CLICK_EVENT, type ContentCounts } from "../content";
import type { DaySpan } from "../range";

export type ContentCountRow = Record<
  | "placement_id"
  | "placement_key"
  | "placement_name"
  | "experience_id"
  | "experience_name"
  | "variant_id"
  | "variant_name"
  | "impressions"
  | "visitors"
  | "clicks"
  | "orders"
  | "revenue",
  string
> & { is_default: boolean };

/**
 * Per variant over a span of local days (lib/analytics/content.ts says what each count means): impressions and
 * distinct visitors from the exposures, clicks from the click events, and the orders of the span attributed by
 * last touch per placement to an impression within ATTRIBUTION_DAYS before them (which may precede the span).
 */
export async function contentCounts(workspaceId: string, span: DaySpan, timeZone: string): Promise<ContentCounts[]> {
  const { rows } = await boundedQuery<ContentCountRow>(
    `WITH bounds AS (
       SELECT ($2::date::timestamp AT TIME ZONE $4) AS start_at, (($3::date + 1)::timestamp AT TIME ZONE $4) AS end_at
     ),
     shown AS (
       SELECT u.variant_id, sum(x.impressions) AS impressions,
              count(DISTINCT coalesce(x.profile_id, 'anon:' || x.anonymous_id)) AS visitors
       FROM exposures x CROSS JOIN bounds b CROSS JOIN LATERAL unnest(x.placement_ids, x.variant_ids) AS u(placement_id, variant_id)
       WHERE x.workspace_id = $1 AND x.occurred_at >= b.start_at AND x.occurred_at < b.end_at
       GROUP BY u.variant_id
     ),
     clicked AS (
       SELECT e.properties->>'placement' AS placement_key, e.properties->>'variant_id' AS variant_id, count(*) AS clicks
       FROM events e CROSS JOIN bounds b
       WHERE e.workspace_id = $1 AND e.name = $6 AND e.occurred_at >= b.start_at AND e.occurred_at < b.end_at
       GROUP BY 1, 2
     ),
     orders AS (
       SELECT e.id, e.profile_id, e.occurred_at,
              CASE WHEN jsonb_typeof(e.properties->'revenue') = 'number' THEN (e.properties->>'revenue')::numeric END AS revenue
       FROM events e CROSS JOIN bounds b
       WHERE e.workspace_id = $1 AND e.name = $5 AND e.occurred_at >= b.start_at AND e.occurred_at < b.end_at
     ),
     touches AS (
       SELECT DISTINCT ON (o.id, u.placement_id) o.id, o.revenue, u.variant_id
       FROM orders o
       JOIN exposures x ON x.workspace_id = $1 AND x.profile_id = o.profile_id
        AND x.occurred_at <= o.occurred_at AND x.occurred_at > o.occurred_at - make_interval(days => $7)
       CROSS JOIN LATERAL unnest(x.placement_ids, x.variant_ids) AS u(placement_id, variant_id)
       ORDER BY o.id, u.placement_id, x.occurred_at DESC, x.id DESC
     ),
     attributed AS (
       SELECT variant_id, count(*) AS orders, coalesce(sum(revenue), 0) AS revenue FROM touches GROUP BY variant_id
     )
     SELECT p.id AS placement_id, p.key AS placement_key, p.name AS placement_name, c.id AS experience_id,
            c.name AS experience_name, c.is_default, v.id AS variant_id, v.name AS variant_name,
            coalesce(s.impressions, 0) AS impressions, coalesce(s.visitors, 0) AS visitors,
            coalesce(k.clicks, 0) AS clicks, coalesce(a.orders, 0) AS orders, coalesce(a.revenue, 0)::text AS revenue
     FROM variants v
     JOIN content_blocks c ON c.id = v.content_block_id
     JOIN placements p ON p.id = c.placement_id
     LEFT JOIN shown s ON s.variant_id = v.id
     LEFT JOIN clicked k ON k.variant_id = v.id AND k.placement_key = p.key
     LEFT JOIN attributed a ON a.variant_id = v.id
     WHERE v.workspace_id = $1 AND (s.variant_id IS NOT NULL OR k.variant_id IS NOT NULL OR a.variant_id IS NOT NULL)`,
    [workspaceId, span.from, span.to, timeZone, ORDER_EVENT, CLICK_EVENT, ATTRIBUTION_DAYS],
  );
  return rows.map(toContentCounts);
}

/** A row of a content statement as counts (for the rollup's statement too). */
export const toContentCounts = (r: ContentCountRow): ContentCounts => ({
  placementId: r.placement_id,
  placementKey: r.placement_key,
  placementName: r.placement_name,
  experienceId: r.experience_id,
  experienceName: r.experience_name,
  isDefault: r.is_default,
  variantId: r.variant_id,
  variantName: r.variant_name,
  impressions: Number(r.impressions),
  visitors: Number(r.visitors),
  clicks: Number(r.clicks),
  orders: Number(r.orders),
  revenue: Number(r.revenue),
});
