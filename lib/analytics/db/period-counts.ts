import { boundedQuery } from "./bounded-statement";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import type { PeriodCounts } from "../figures";
import type { DaySpan } from "../range";

export type SpanCounts = { total: PeriodCounts; daily: Map<string, PeriodCounts> };

type Row = {
  span: number;
  day: string | null;
  visitors: string;
  identified: string;
  buyers: string;
  orders: string;
  revenue: string;
};

const EMPTY: PeriodCounts = { visitors: 0, identified: 0, buyers: 0, orders: 0, revenue: 0 };

/**
 * The overview's counts (lib/analytics/figures.ts) over each span of local days in `timeZone`, in total and per
 * day, in one statement over the raw events: a span runs from its first day's local midnight to the midnight
 * after its last (`day::timestamp AT TIME ZONE tz`, so a day of a daylight-saving change has 23 or 25 hours).
 * Per visitor and span (and day), whether they bought and whether they have a user id; then the sums.
 */
export async function periodCounts(
  workspaceId: string,
  spans: readonly DaySpan[],
  timeZone: string,
): Promise<SpanCounts[]> {
  const { rows } = await boundedQuery<Row>(
    `WITH spans AS (
       SELECT s.i::int AS span, s.first_day::date AS first_day, s.last_day::date AS last_day
       FROM unnest($3::int[], $4::text[], $5::text[]) AS s(i, first_day, last_day)
     ),
     ev AS (
       SELECT s.span, e.profile_id, (e.occurred_at AT TIME ZONE $2)::date AS day, e.name = $6 AS is_order,
              CASE WHEN e.name = $6 AND jsonb_typeof(e.properties->'revenue') = 'number'
                   THEN (e.properties->>'revenue')::numeric END AS revenue
       FROM spans s
       JOIN events e ON e.workspace_id = $1
        AND e.occurred_at >= (s.first_day::timestamp AT TIME ZONE $2)
        AND e.occurred_at < ((s.last_day + 1)::timestamp AT TIME ZONE $2)
       WHERE e.type IN ('page', 'screen', 'track')
     ),
     per_visitor AS (
       SELECT span, day, profile_id, bool_or(is_order) AS bought, count(*) FILTER (WHERE is_order) AS orders,
              coalesce(sum(revenue), 0) AS revenue
       FROM ev GROUP BY GROUPING SETS ((span, profile_id), (span, day, profile_id))
     ),
     known AS (
       SELECT DISTINCT i.profile_id FROM identities i
       WHERE i.workspace_id = $1 AND i.type = 'user_id'
         AND i.profile_id IN (SELECT DISTINCT profile_id FROM ev)
     )
     SELECT v.span, to_char(v.day, 'YYYY-MM-DD') AS day, count(*) AS visitors,
            count(k.profile_id) AS identified, count(*) FILTER (WHERE v.bought) AS buyers,
            sum(v.orders) AS orders, sum(v.revenue)::text AS revenue
     FROM per_visitor v LEFT JOIN known k ON k.profile_id = v.profile_id
     GROUP BY v.span, v.day`,
    [workspaceId, timeZone, spans.map((_, i) => i), spans.map((s) => s.from), spans.map((s) => s.to), ORDER_EVENT],
  );
  const out: SpanCounts[] = spans.map(() => ({ total: { ...EMPTY }, daily: new Map() }));
  for (const r of rows) {
    const counts: PeriodCounts = {
      visitors: Number(r.visitors),
      identified: Number(r.identified),
      buyers: Number(r.buyers),
      orders: Number(r.orders),
      revenue: Number(r.revenue),
    };
    if (r.day === null) out[r.span]!.total = counts;
    else out[r.span]!.daily.set(r.day, counts);
  }
  return out;
}
