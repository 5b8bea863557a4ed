import type { ArmBucketSums } from "./sums";

/** One variation's sufficient statistics over some buckets (sums add up). */
export type ArmTotals = Omit<ArmBucketSums, "variationId" | "bucket">;

export const EMPTY_TOTALS: Readonly<ArmTotals> = Object.freeze({
  n: 0,
  sum: 0,
  sumSquares: 0,
  covariateSum: 0,
  covariateSumSquares: 0,
  covariateCross: 0,
  denominatorSum: 0,
  denominatorSumSquares: 0,
  denominatorCross: 0,
});

const FIELDS = Object.keys(EMPTY_TOTALS) as (keyof ArmTotals)[];

/** a + b, field by field. */
export function addTotals(a: ArmTotals, b: ArmTotals): ArmTotals {
  const out = { ...a };
  for (const f of FIELDS) out[f] += b[f];
  return out;
}

/** The totals per variation id (every id of `variationIds` present, empty when it has no rows). */
export function totalsByVariation(
  rows: readonly ArmBucketSums[],
  variationIds: readonly string[],
): Map<string, ArmTotals> {
  const totals = new Map<string, ArmTotals>(variationIds.map((id) => [id, EMPTY_TOTALS]));
  for (const row of rows) {
    const current = totals.get(row.variationId);
    if (current) totals.set(row.variationId, addTotals(current, row));
  }
  return totals;
}

/** Rows grouped by bucket, then by variation (for a dimension's breakdown), buckets in order of value. */
export function totalsByBucket(
  rows: readonly ArmBucketSums[],
  variationIds: readonly string[],
): { bucket: string; totals: Map<string, ArmTotals> }[] {
  const buckets = [...new Set(rows.map((r) => r.bucket))].sort();
  return buckets.map((bucket) => ({
    bucket,
    totals: totalsByVariation(
      rows.filter((r) => r.bucket === bucket),
      variationIds,
    ),
  }));
}

/**
 * Running totals over day buckets: for each day that has units, the totals of
 * every unit first exposed on or before it (the data a reader of the results
 * would have had for those units; their values are as of now).
 */
export function cumulativeByDay(
  rows: readonly ArmBucketSums[],
  variationIds: readonly string[],
): { day: string; totals: Map<string, ArmTotals> }[] {
  const out: { day: string; totals: Map<string, ArmTotals> }[] = [];
  let running = new Map<string, ArmTotals>(variationIds.map((id) => [id, EMPTY_TOTALS]));
  for (const { bucket, totals } of totalsByBucket(rows, variationIds)) {
    const next = new Map<string, ArmTotals>();
    for (const id of variationIds) next.set(id, addTotals(running.get(id)!, totals.get(id)!));
    running = next;
    out.push({ day: bucket, totals: running });
  }
  return out;
}
