/**
 * What one SQL query returns for one experiment, phase and metric: per
 * variation and bucket (a day of first exposure, or a dimension's value), the
 * sufficient statistics of the per-unit metric. Sums add up, so the totals of
 * a variation are the sums of its buckets, and a cumulative series is a
 * running sum over days. Statistics (lib/stats) never see raw rows.
 *
 * Per unit (an analysis unit is a resolved profile, or the assignment's unit
 * id when it has none; a profile assigned to more than one variation is left
 * out and counted in `multipleExposures`):
 * - `value`: the metric from the unit's first exposure (its assignment's
 *   `assigned_at` in the phase) to the goal's window's end — 1/0 for a
 *   conversion goal, the number of events for a count goal, the sum of the
 *   value property for sum and ratio goals (capped at the goal's percentile when
 *   it has one);
 * - `covariate` (CUPED): the same metric in the experiment's `cupedDays` before the first exposure;
 * - `denominator` (ratio goals): the number of the goal's events in the window.
 */
export type ArmBucketSums = {
  variationId: string;
  /** The bucket: a UTC day (YYYY-MM-DD) of first exposure, or a dimension's value ("" when unknown). */
  bucket: string;
  n: number;
  sum: number;
  sumSquares: number;
  covariateSum: number;
  covariateSumSquares: number;
  /** Σ value·covariate. */
  covariateCross: number;
  denominatorSum: number;
  denominatorSumSquares: number;
  /** Σ value·denominator. */
  denominatorCross: number;
};

/** The answer of one metric's query. */
export type MetricSums = {
  rows: ArmBucketSums[];
  /** Profiles left out because they were assigned to more than one variation of this phase. */
  multipleExposures: number;
  /** The cap applied to per-unit values (winsorizing), when the goal has a percentile. */
  cap: number | null;
};

/** How the query splits units: by day of first exposure (totals and the cumulative series), or by a dimension. */
export type SumsBucketing =
  { by: "day" } | { by: "device" } | { by: "country" } | { by: "returning" } | { by: "segment"; segmentId: string };

export type DimensionKey = Exclude<SumsBucketing["by"], "day">;
