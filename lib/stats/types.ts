/**
 * Sufficient statistics of one arm for one metric: what SQL returns per
 * variation, and all that the tests in lib/stats read. Statistics never see
 * raw rows.
 */
export type SampleStats = {
  /** Units (visitors) in the arm. */
  n: number;
  /** Σ of the per-unit metric value. */
  sum: number;
  /** Σ of its squares. */
  sumSquares: number;
};

/** A ratio metric's arm (for example revenue per order): numerator and denominator per unit, and their cross-product. */
export type RatioStats = {
  n: number;
  numerator: { sum: number; sumSquares: number };
  denominator: { sum: number; sumSquares: number };
  /** Σ numerator·denominator over units. */
  crossProduct: number;
};

/** An arm with a pre-exposure covariate for CUPED: the metric, the covariate, and Σ metric·covariate. */
export type CupedStats = {
  n: number;
  metric: { sum: number; sumSquares: number };
  covariate: { sum: number; sumSquares: number };
  crossProduct: number;
};

/** A two-sided interval; nulls where it cannot be computed (no units, zero variance). */
export type Interval = [number, number];

/** What every engine answers for one treatment against the control on one metric. */
export type Comparison = {
  /** Point estimate of the effect (relative: (μB − μA)/μA; absolute: μB − μA). */
  effect: number;
  /** Its standard error. */
  standardError: number;
  interval: Interval;
};
