import { boundedQuery } from "./bounded-statement";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import type { BreakdownDimension } from "../breakdown";
import type { PeriodCounts } from "../figures";
import type { DaySpan } from "../range";
import { countryOf, touchSql, type TouchDimension } from "./touch-sql";

const TOUCH = touchSql("f.context");
const DIMENSION_SQL: Record<TouchDimension, string> = { ...TOUCH, country: countryOf(TOUCH.country, "p.traits") };

type Row = { value: string; visitors: string; identified: string; buyers: string; orders: string; revenue: string };

/**
 * The overview's counts per value of a dimension over a span of local days (one statement over the raw events,
 * as periodCounts), or per chosen segment (its members at some time in the span). Values with no visitor are
 * absent, except chosen segments, which are always answered.
 */
export async function breakdownCounts(
  workspaceId: string,
  span: DaySpan,
  timeZone: string,
  by: BreakdownDimension,
  segmentIds: readonly string[],
): Promise<{ value: string; counts: PeriodCounts }[]> {
  const grouping =
    by === "segment"
      ? `JOIN segment_memberships m ON m.workspace_id = $1 AND m.profile_id = v.profile_id AND m.segment_id = ANY($6::text[])
           AND m.entered_at < b.end_at AND (m.exited_at IS NULL OR m.exited_at >= b.start_at)
         GROUP BY m.segment_id`
      : `JOIN first_touch f ON f.profile_id = v.profile_id
         JOIN profiles p ON p.id = v.profile_id
         GROUP BY 1`;
  const value = by === "segment" ? "m.segment_id" : DIMENSION_SQL[by];
  const { rows } = await boundedQuery<Row>(
    `WITH bounds AS (
       SELECT ($2::date::timestamp AT TIME ZONE $4) AS start_at, (($3::date + 1)::timestamp AT TIME ZONE $4) AS end_at
     ),
     ev AS (
       SELECT e.id, e.profile_id, e.occurred_at, e.context, e.name = $5 AS is_order,
              CASE WHEN e.name = $5 AND jsonb_typeof(e.properties->'revenue') = 'number'
                   THEN (e.properties->>'revenue')::numeric END AS revenue
       FROM events e, bounds b
       WHERE e.workspace_id = $1 AND e.occurred_at >= b.start_at AND e.occurred_at < b.end_at
         AND e.type IN ('page', 'screen', 'track')
     ),
     first_touch AS (
       SELECT DISTINCT ON (profile_id) profile_id, context FROM ev ORDER BY profile_id, occurred_at, id
     ),
     visitors AS (
       SELECT profile_id, bool_or(is_order) AS bought, count(*) FILTER (WHERE is_order) AS orders,
              coalesce(sum(revenue), 0) AS revenue
       FROM ev GROUP BY profile_id
     ),
     known AS (
       SELECT DISTINCT i.profile_id FROM identities i
       WHERE i.workspace_id = $1 AND i.type = 'user_id' AND i.profile_id IN (SELECT profile_id FROM visitors)
     )
     SELECT ${value} AS value, count(*) AS visitors, count(k.profile_id) AS identified,
            count(*) FILTER (WHERE v.bought) AS buyers, sum(v.orders) AS orders, sum(v.revenue)::text AS revenue
     FROM visitors v CROSS JOIN bounds b
     LEFT JOIN known k ON k.profile_id = v.profile_id
     ${grouping}`,
    [workspaceId, span.from, span.to, timeZone, ORDER_EVENT, ...(by === "segment" ? [segmentIds] : [])],
  );
  const counted = rows.map((r) => ({
    value: r.value,
    counts: {
      visitors: Number(r.visitors),
      identified: Number(r.identified),
      buyers: Number(r.buyers),
      orders: Number(r.orders),
      revenue: Number(r.revenue),
    },
  }));
  if (by !== "segment") return counted;
  const zero: PeriodCounts = { visitors: 0, identified: 0, buyers: 0, orders: 0, revenue: 0 };
  return segmentIds.map((id) => counted.find((c) => c.value === id) ?? { value: id, counts: zero });
}
