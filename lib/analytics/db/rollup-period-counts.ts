import type { PeriodCounts } from "../figures";
import type { DaySpan } from "../range";
import { boundedQuery } from "./bounded-statement";
import type { SpanCounts } from "./period-counts";

type Row = {
  span: number;
  day: string | null;
  visitors: string;
  identified: string;
  buyers: string;
  orders: string;
  revenue: string | null;
};

const EMPTY: PeriodCounts = { visitors: 0, identified: 0, buyers: 0, orders: 0, revenue: 0 };

/**
 * periodCounts read from the visitor-days (rollup-days.ts) in one statement without a distinct: a day's rows are
 * its visitors; a span's visitors are its rows whose previous day with events is before the span (one per
 * visitor: their first day in it), and its buyers the rows with orders whose previous day with an order is.
 */
export async function rollupPeriodCounts(workspaceId: string, spans: readonly DaySpan[]): Promise<SpanCounts[]> {
  const { rows } = await boundedQuery<Row>(
    `WITH spans AS (
       SELECT s.i::int AS span, s.first_day::date AS first_day, s.last_day::date AS last_day
       FROM unnest($2::int[], $3::text[], $4::text[]) AS s(i, first_day, last_day)
     ),
     r AS (
       SELECT s.span, v.day, v.identified, v.orders, v.revenue,
              v.prev_day IS NULL OR v.prev_day < s.first_day AS first_visit,
              v.orders > 0 AND (v.prev_buy_day IS NULL OR v.prev_buy_day < s.first_day) AS first_buy
       FROM spans s
       CROSS JOIN LATERAL (
         SELECT * FROM visitor_days v WHERE v.workspace_id = $1 AND v.day BETWEEN s.first_day AND s.last_day
       ) v
     )
     SELECT span, to_char(day, 'YYYY-MM-DD') AS day,
            CASE WHEN GROUPING(day) = 0 THEN count(*) ELSE count(*) FILTER (WHERE first_visit) END AS visitors,
            CASE WHEN GROUPING(day) = 0 THEN count(*) FILTER (WHERE identified)
                 ELSE count(*) FILTER (WHERE identified AND first_visit) END AS identified,
            CASE WHEN GROUPING(day) = 0 THEN count(*) FILTER (WHERE orders > 0)
                 ELSE count(*) FILTER (WHERE first_buy) END AS buyers,
            coalesce(sum(orders), 0) AS orders, (coalesce(sum(revenue) FILTER (WHERE orders > 0), 0))::text AS revenue
     FROM r GROUP BY GROUPING SETS ((span), (span, day))`,
    [workspaceId, spans.map((_, i) => i), spans.map((s) => s.from), spans.map((s) => s.to)],
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
