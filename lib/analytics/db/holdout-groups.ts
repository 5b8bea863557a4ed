import { boundedQuery } from "./bounded-statement";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import type { LiftGroup } from "../lift";
import type { DaySpan } from "../range";

export type HoldoutGroupRow = {
  held: boolean;
  units: string;
  buyers: string;
  revenue: string;
  revenue_squares: string;
};
type Row = HoldoutGroupRow & { mixed: string };

/**
 * The exposed visitors of a span of local days, in the global holdout and not: a unit is a profile with a decision
 * recorded on those days (exposures with a profile), on the side of its first decision there (the holdout is drawn
 * per browser, so a profile seen on several is not more likely to fall on one side); its value is its orders and
 * revenue from that first decision to the span's end. Profiles with decisions on both sides are counted as `mixed`.
 */
export async function holdoutGroups(
  workspaceId: string,
  span: DaySpan,
  timeZone: string,
): Promise<{ holdout: LiftGroup; personalized: LiftGroup; mixed: number }> {
  const { rows } = await boundedQuery<Row>(
    `WITH bounds AS (
       SELECT ($2::date::timestamp AT TIME ZONE $4) AS start_at, (($3::date + 1)::timestamp AT TIME ZONE $4) AS end_at
     ),
     exposed AS (
       SELECT x.profile_id, min(x.occurred_at) AS first_at,
              (array_agg(x.holdout ORDER BY x.occurred_at, x.id))[1] AS held,
              bool_and(x.holdout) AS all_held, bool_or(x.holdout) AS any_held
       FROM exposures x, bounds b
       WHERE x.workspace_id = $1 AND x.profile_id IS NOT NULL AND x.occurred_at >= b.start_at AND x.occurred_at < b.end_at
       GROUP BY x.profile_id
     ),
     units AS (
       SELECT u.held, u.any_held AND NOT u.all_held AS mixed, coalesce(o.orders, 0) AS orders,
              coalesce(o.revenue, 0) AS revenue
       FROM exposed u CROSS JOIN bounds b
       LEFT JOIN LATERAL (
         SELECT count(*) AS orders,
                sum(CASE WHEN jsonb_typeof(e.properties->'revenue') = 'number' THEN (e.properties->>'revenue')::numeric END) AS revenue
         FROM events e
         WHERE e.workspace_id = $1 AND e.profile_id = u.profile_id AND e.name = $5
           AND e.occurred_at >= u.first_at AND e.occurred_at < b.end_at
       ) o ON true
     )
     SELECT held, count(*) AS units, count(*) FILTER (WHERE mixed) AS mixed,
            count(*) FILTER (WHERE orders > 0) AS buyers,
            coalesce(sum(revenue), 0)::text AS revenue,
            coalesce(sum(revenue * revenue), 0)::text AS revenue_squares
     FROM units GROUP BY held`,
    [workspaceId, span.from, span.to, timeZone, ORDER_EVENT],
  );
  return { ...liftGroups(rows), mixed: rows.reduce((n, r) => n + Number(r.mixed), 0) };
}

/** The rows of a holdout statement (one per side) as the two groups (for the rollup's statement too). */
export function liftGroups(rows: HoldoutGroupRow[]): { holdout: LiftGroup; personalized: LiftGroup } {
  const group = (held: boolean): LiftGroup => {
    const r = rows.find((x) => x.held === held);
    const units = Number(r?.units ?? 0);
    return {
      units,
      buyers: Number(r?.buyers ?? 0),
      revenue: { n: units, sum: Number(r?.revenue ?? 0), sumSquares: Number(r?.revenue_squares ?? 0) },
    };
  };
  return { holdout: group(true), personalized: group(false) };
}
