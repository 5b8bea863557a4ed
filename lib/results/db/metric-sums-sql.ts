import type { SumsBucketing } from "@/lib/results/sums";
import type { PropertyFilter } from "@/lib/segments/schema";
import { SqlParams, WORKSPACE } from "@/lib/segments/sql-params";
import { goalEventsFrom } from "./goal-events-sql";
import { bucketingSql, firstDimensionSql } from "./metric-sums-bucketing";

export type GoalKind = "conversion" | "count" | "sum" | "ratio";

/** What one metric's sums are computed of. */
export type MetricSumsInput = {
  workspaceId: string;
  experimentId: string;
  /** assignments.phase */
  phase: number;
  unitType: "anonymous_id" | "user_id";
  goal: {
    eventName: string;
    kind: GoalKind;
    valueProperty: string | null;
    filters: PropertyFilter[];
    windowDays: number;
    capPercentile: number | null;
  };
  /** 0: no covariate (the covariate fields are 0). */
  cupedDays: number;
  bucketing: SumsBucketing;
  /** Events after now are ignored (a window still open is cut at now). */
  now: Date;
};

/**
 * An assignment's profile: through identities of the type its unit id is,
 * for a user-id experiment the user id first and then the anonymous id (a
 * unit of such an experiment is the user id, or the anonymous id before
 * sign-in: unitOf in lib/experiments/enroll.ts).
 */
function profileOfUnit(unitType: MetricSumsInput["unitType"]): { joins: string; profile: string } {
  const identity = (alias: string, type: string, only = "") =>
    `LEFT JOIN identities ${alias} ON ${only}${alias}.workspace_id = ${WORKSPACE} AND ${alias}.type = '${type}' AND ${alias}.value = a.unit_id`;
  if (unitType === "user_id")
    return {
      joins: `${identity("iu", "user_id")} ${identity("ia", "anonymous_id", "iu.profile_id IS NULL AND ")}`,
      profile: "coalesce(iu.profile_id, ia.profile_id)",
    };
  return { joins: identity("ia", "anonymous_id"), profile: "ia.profile_id" };
}

/** The per-unit metric of a goal's kind over the events `m` where `where` holds, as a float8 aggregate. */
function metricOf(kind: GoalKind, where: string): string {
  switch (kind) {
    case "conversion":
      return `(count(*) FILTER (WHERE ${where}) > 0)::int::float8`;
    case "count":
      return `count(*) FILTER (WHERE ${where})::float8`;
    case "sum":
    case "ratio":
      return `coalesce(sum(m.v) FILTER (WHERE ${where}), 0)::float8`;
  }
}

/**
 * The cap of winsorized goals: percentile_cont(p) of the per-unit values of
 * all N analysis units, zeros included, without sorting the N values. Only
 * units with a goal event in range are in `per_unit` (the others are worth
 * 0), so the sorted values are those of per_unit below 0, then the zeros, then
 * those above 0: the k-th value (from 0) is found by its rank among the
 * non-zero values, shifted by the number of zeros for positive ones, and any
 * index no non-zero value holds is a 0. Then, as percentile_cont does,
 * pos = p·(N − 1) and cap = v[floor pos] + (v[ceil pos] − v[floor pos])·(pos − floor pos),
 * the same float8 operations, so the same value. No units: no row (NULL).
 */
function capSql(percentile: string): string {
  return `
  nonzero AS (
    SELECT p.value, row_number() OVER (ORDER BY p.value) - 1 AS value_rank FROM per_unit p WHERE p.value <> 0
  ),
  cap_position AS (
    SELECT ${percentile} * (sum(c.n) - 1)::float8 AS pos,
      sum(c.n) - (SELECT count(*) FROM nonzero) AS zeros
    FROM counts c HAVING sum(c.n) > 0
  ),
  ranked AS (
    SELECT z.value, z.value_rank + CASE WHEN z.value > 0 THEN o.zeros ELSE 0 END AS idx FROM nonzero z CROSS JOIN cap_position o
  ),
  cap AS (
    SELECT x.lo + (x.hi - x.lo) * (o.pos - floor(o.pos)) AS value
    FROM cap_position o CROSS JOIN LATERAL (
      SELECT coalesce(max(r.value) FILTER (WHERE r.idx = floor(o.pos)::bigint), 0) AS lo,
        coalesce(max(r.value) FILTER (WHERE r.idx = ceil(o.pos)::bigint), 0) AS hi
      FROM ranked r
    ) x
  ),`;
}

/**
 * One statement for one metric: its text and parameters. Shape (a CTE each):
 * - units: the phase's assignments resolved to profiles, grouped into
 *   analysis units (a profile, or a unit id with no profile) with the first
 *   exposure, the variation (flagged `multiple` when a profile has more than
 *   one) and the bucket. Materialized: read for the span, the events' join and the counts.
 * - span: the first and last first exposure, which bound the one read of events.
 * - per_unit: the goal's events (index-only, by name and time) joined to the
 *   units of their profile within [first − cupedDays, first + windowDays),
 *   aggregated per unit: value, covariate and denominator. Units without such
 *   an event are not in it (worth 0).
 * - counts: analysis units and left-out profiles per variation and bucket.
 * - cap (winsorized goals, see capSql; else NULL), then sums of per_unit
 *   per variation and bucket with values capped.
 * The final rows add the units without events (at min(0, cap) when capped).
 */
export function metricSumsSql(input: MetricSumsInput): { text: string; values: unknown[] } {
  const { goal } = input;
  const params = new SqlParams(input.workspaceId, input.now.getTime());
  const experiment = params.add(input.experimentId, "text");
  const phase = params.add(input.phase, "int");
  // hours, not days: a day of an interval added to a timestamptz follows the session's time zone (23 or 25 hours)
  const window = `(${params.add(goal.windowDays, "int")} * interval '24 hours')`;
  const cuped = `(${params.add(Math.max(0, input.cupedDays), "int")} * interval '24 hours')`;
  const valued = goal.kind === "sum" || goal.kind === "ratio";
  const capped = valued && goal.capPercentile !== null;
  const { joins, profile } = profileOfUnit(input.unitType);
  const bucketing = bucketingSql(input.bucketing, params);
  const events = goalEventsFrom(
    goal,
    params,
    { from: `(SELECT lo FROM span) - ${cuped}`, before: `(SELECT hi FROM span) + ${window}`, to: params.nowSql() },
    valued,
  );
  const inWindow = "m.occurred_at >= u.first_at";
  const beforeFirst = "m.occurred_at < u.first_at";
  const denominator = goal.kind === "ratio" ? `count(*) FILTER (WHERE ${inWindow})::float8` : "0::float8";
  const cap = capped ? capSql(params.add(goal.capPercentile, "float8")) : "cap AS (SELECT NULL::float8 AS value),";
  const text = `
  WITH units AS MATERIALIZED (
    SELECT g.profile_id, g.variation_id, g.multiple, g.first_at, ${bucketing.bucket} AS bucket
    FROM (
      SELECT r.profile_id, min(r.variation_id) AS variation_id, min(r.variation_id) <> max(r.variation_id) AS multiple,
        min(r.assigned_at) AS first_at${firstDimensionSql(bucketing)}
      FROM (
        SELECT a.unit_id, a.variation_id, a.assigned_at, ${bucketing.unit ?? "NULL"} AS dimension, ${profile} AS profile_id
        FROM assignments a ${joins}
        WHERE a.workspace_id = ${WORKSPACE} AND a.experiment_id = ${experiment} AND a.phase = ${phase}
      ) r
      GROUP BY r.profile_id, CASE WHEN r.profile_id IS NULL THEN r.unit_id END
    ) g ${bucketing.join}
  ),
  span AS (SELECT min(first_at) AS lo, max(first_at) AS hi FROM units),
  per_unit AS (
    SELECT u.variation_id, u.bucket, ${metricOf(goal.kind, inWindow)} AS value,
      ${metricOf(goal.kind, beforeFirst)} AS covariate, ${denominator} AS denominator
    FROM units u JOIN ${events}
      ON m.profile_id = u.profile_id AND m.occurred_at >= u.first_at - ${cuped} AND m.occurred_at < u.first_at + ${window}
    WHERE NOT u.multiple
    GROUP BY u.profile_id, u.variation_id, u.bucket, u.first_at
  ),
  counts AS (
    SELECT variation_id, bucket, count(*) FILTER (WHERE NOT multiple)::int AS n,
      count(*) FILTER (WHERE multiple)::int AS multiple
    FROM units GROUP BY variation_id, bucket
  ),
  ${cap}
  sums AS (
    SELECT p.variation_id, p.bucket, count(*)::int AS matched,
      sum(least(p.value, k.value)) AS sum, sum(least(p.value, k.value) * least(p.value, k.value)) AS sum_squares,
      sum(p.covariate) AS covariate_sum, sum(p.covariate * p.covariate) AS covariate_sum_squares,
      sum(least(p.value, k.value) * p.covariate) AS covariate_cross,
      sum(p.denominator) AS denominator_sum, sum(p.denominator * p.denominator) AS denominator_sum_squares,
      sum(least(p.value, k.value) * p.denominator) AS denominator_cross
    FROM per_unit p LEFT JOIN cap k ON true
    GROUP BY p.variation_id, p.bucket
  )
  SELECT c.variation_id, ${bucketing.output} AS bucket, c.n, c.multiple, k.value AS cap,
    coalesce(s.sum, 0) + (c.n - coalesce(s.matched, 0)) * least(0, k.value) AS sum,
    coalesce(s.sum_squares, 0) + (c.n - coalesce(s.matched, 0)) * least(0, k.value) * least(0, k.value) AS sum_squares,
    coalesce(s.covariate_sum, 0) AS covariate_sum, coalesce(s.covariate_sum_squares, 0) AS covariate_sum_squares,
    coalesce(s.covariate_cross, 0) AS covariate_cross, coalesce(s.denominator_sum, 0) AS denominator_sum,
    coalesce(s.denominator_sum_squares, 0) AS denominator_sum_squares, coalesce(s.denominator_cross, 0) AS denominator_cross
  FROM counts c
  LEFT JOIN sums s ON s.variation_id = c.variation_id AND s.bucket = c.bucket
  LEFT JOIN cap k ON true
  ORDER BY c.variation_id, c.bucket`;
  return { text, values: params.values };
}
