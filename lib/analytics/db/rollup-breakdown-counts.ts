import type { BreakdownDimension } from "../breakdown";
import type { PeriodCounts } from "../figures";
import type { DaySpan } from "../range";
import { boundedQuery } from "./bounded-statement";
import { countryOf } from "./touch-sql";

type Row = { value: string; visitors: string; identified: string; buyers: string; orders: string; revenue: string };

const VALUE_SQL: Record<Exclude<BreakdownDimension, "segment">, string> = {
  source: "f.source",
  medium: "f.medium",
  campaign: "f.campaign",
  referrer: "f.referrer",
  device: "f.device",
  country: countryOf("f.country", "p.traits"),
};

/**
 * breakdownCounts read from the visitor-days (rollup-days.ts): each visitor once, by their first day in the span
 * (the row whose previous day is before it, which holds that day's first touch), with the orders and revenue of
 * all their days in it; or per chosen segment, its members at some time in the span.
 */
export async function rollupBreakdownCounts(
  workspaceId: string,
  span: DaySpan,
  timeZone: string,
  by: BreakdownDimension,
  segmentIds: readonly string[],
): Promise<{ value: string; counts: PeriodCounts }[]> {
  const grouping =
    by === "segment"
      ? `JOIN segment_memberships m ON m.workspace_id = $1 AND m.profile_id = f.profile_id AND m.segment_id = ANY($5::text[])
           AND m.entered_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
           AND (m.exited_at IS NULL OR m.exited_at >= ($2::date::timestamp AT TIME ZONE $4))
         GROUP BY m.segment_id`
      : `${by === "country" ? "LEFT JOIN profiles p ON f.country IS NULL AND p.id = f.profile_id" : ""}
         GROUP BY 1`;
  const value = by === "segment" ? "m.segment_id" : VALUE_SQL[by];
  const { rows } = await boundedQuery<Row>(
    `WITH r AS (
       SELECT * FROM visitor_days v WHERE v.workspace_id = $1 AND v.day BETWEEN $2::date AND $3::date
     ),
     firsts AS (SELECT * FROM r WHERE r.prev_day IS NULL OR r.prev_day < $2::date),
     buys AS (
       SELECT profile_id, sum(orders) AS orders, sum(revenue) AS revenue FROM r WHERE orders > 0 GROUP BY profile_id
     )
     SELECT ${value} AS value, count(*) AS visitors, count(*) FILTER (WHERE f.identified) AS identified,
            count(b.profile_id) AS buyers, coalesce(sum(b.orders), 0) AS orders,
            coalesce(sum(b.revenue), 0)::text AS revenue
     FROM firsts f LEFT JOIN buys b ON b.profile_id = f.profile_id
     ${grouping}`,
    [workspaceId, span.from, span.to, ...(by === "segment" ? [timeZone, segmentIds] : [])],
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
