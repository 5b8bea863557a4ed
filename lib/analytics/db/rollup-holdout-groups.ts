import type { LiftGroup } from "../lift";
import type { DaySpan } from "../range";
import { boundedQuery } from "./bounded-statement";
import { liftGroups, type HoldoutGroupRow } from "./holdout-groups";

type Row = HoldoutGroupRow & { sides: string };

/**
 * holdoutGroups read from the holdout-days (rollup-holdout.ts) and visitor-days: a unit is a profile's first
 * day with decisions in the span (its previous one is before it), on the side of that day's first decision,
 * valued at that day's orders from it on plus its orders on the span's later days; the profiles seen on both
 * sides are those counted on each side (a first day in the span with one in the holdout, and with one out of
 * it) less the units.
 */
export async function rollupHoldoutGroups(
  workspaceId: string,
  span: DaySpan,
): Promise<{ holdout: LiftGroup; personalized: LiftGroup; mixed: number }> {
  const { rows } = await boundedQuery<Row>(
    `WITH r AS (
       SELECT * FROM holdout_days WHERE workspace_id = $1 AND day BETWEEN $2::date AND $3::date
     ),
     firsts AS (SELECT * FROM r WHERE prev_day IS NULL OR prev_day < $2::date),
     later AS (
       SELECT f.profile_id, sum(v.orders) AS orders, sum(v.revenue) AS revenue
       FROM (SELECT profile_id, day, orders, revenue FROM visitor_days
             WHERE workspace_id = $1 AND day BETWEEN $2::date AND $3::date AND orders > 0) v
       JOIN firsts f ON f.profile_id = v.profile_id AND v.day > f.day
       GROUP BY f.profile_id
     ),
     units AS (
       SELECT f.held, f.orders_after + coalesce(l.orders, 0) AS orders, f.revenue_after + coalesce(l.revenue, 0) AS revenue
       FROM firsts f LEFT JOIN later l ON l.profile_id = f.profile_id
     ),
     sides AS (
       SELECT count(*) FILTER (WHERE any_held AND (prev_held_day IS NULL OR prev_held_day < $2::date))
            + count(*) FILTER (WHERE NOT all_held AND (prev_unheld_day IS NULL OR prev_unheld_day < $2::date)) AS n
       FROM r
     )
     SELECT held, count(*) AS units, count(*) FILTER (WHERE orders > 0) AS buyers,
            coalesce(sum(revenue), 0)::text AS revenue, coalesce(sum(revenue * revenue), 0)::text AS revenue_squares,
            (SELECT n FROM sides) AS sides
     FROM units GROUP BY held`,
    [workspaceId, span.from, span.to],
  );
  const units = rows.reduce((n, r) => n + Number(r.units), 0);
  return { ...liftGroups(rows), mixed: rows.length > 0 ? Number(rows[0]!.sides) - units : 0 };
}
