import type { SampleStats } from "./types";

/**
 * Means, variances and lifts from sufficient statistics, as GrowthBook's gbstats computes them
 * (packages/stats/gbstats/models/statistics.py and utils.py). Every function returns null rather
 * than NaN or ±Infinity when its value cannot be computed.
 */

/** How a metric's per-unit values are distributed: any number, or 0/1 conversions. */
export type MetricKind = "mean" | "proportion";

/** What a test reads of one arm: units, mean and per-unit variance. */
export type ArmMoments = { n: number; mean: number; variance: number };

/** An effect estimate and the variance of that estimate (not per unit). */
export type Lift = { effect: number; variance: number };

/** Why a comparison could not be computed ("invalid_options": α outside (0, 1), N* ≤ 0). */
export type UncomputableReason = "no_units" | "zero_variance" | "baseline_zero" | "invalid_options";

/** The answer of a test that could not be computed; the caller shows the reason instead of numbers. */
export type Uncomputable = { computable: false; reason: UncomputableReason };

/**
 * Whether the stats look like 0/1 conversions: Σx² = Σx and 0 ≤ Σx ≤ n. gbstats is told the metric
 * type (ProportionStatistic vs SampleMeanStatistic); SampleStats does not carry it, so it is read
 * from the sums, and callers who know the type pass `kind`. A count whose values are all 0 or 1 is
 * then treated as conversions, which changes its variance only by the factor (n − 1)/n.
 */
export function looksLikeProportion(s: SampleStats): boolean {
  return s.sumSquares === s.sum && s.sum >= 0 && s.sum <= s.n;
}

/**
 * The kind all arms share: "proportion" only when every arm looks like conversions, so that two
 * arms of one metric never get different variance formulas (gbstats requires one type per metric).
 */
export function detectKind(...arms: SampleStats[]): MetricKind {
  return arms.every(looksLikeProportion) ? "proportion" : "mean";
}

/** Sample mean Σx / n; null with no units (gbstats SampleMeanStatistic.mean). */
export function sampleMean(s: SampleStats): number | null {
  return s.n > 0 ? s.sum / s.n : null;
}

/**
 * Per-unit variance. "mean": the sample variance (Σx² − (Σx)²/n) / (n − 1), null when n < 2
 * (gbstats SampleMeanStatistic.variance). "proportion": p(1 − p) with p = Σx / n, null when n = 0
 * (gbstats ProportionStatistic.variance). Not clamped: sums that no data could produce give a
 * negative value, as in gbstats; tests refuse a final variance ≤ 0 ("zero_variance"), and a ratio
 * metric's delta method takes its parts as they are.
 */
export function sampleVariance(s: SampleStats, kind: MetricKind = detectKind(s)): number | null {
  if (kind === "proportion") {
    if (s.n <= 0) return null;
    const p = s.sum / s.n;
    return p * (1 - p);
  }
  if (s.n < 2) return null;
  return (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1);
}

/**
 * Units, mean and per-unit variance of one arm; null with no units. A single unit has variance 0,
 * as in gbstats, so that a test reports "zero_variance" for it.
 */
export function armMoments(s: SampleStats, kind: MetricKind = detectKind(s)): ArmMoments | null {
  const mean = sampleMean(s);
  if (mean === null) return null;
  return { n: s.n, mean, variance: sampleVariance(s, kind) ?? 0 };
}

/**
 * Covariance of two per-unit values from Σx, Σy, Σxy over n units (gbstats compute_covariance):
 * (Σxy − ΣxΣy/n) / (n − 1), or Σxy/n − ΣxΣy/n² when both are proportions; null when n < 2.
 */
export function sampleCovariance(
  n: number,
  sumX: number,
  sumY: number,
  sumProducts: number,
  bothProportions = false,
): number | null {
  if (n < 2) return null;
  if (bothProportions) return sumProducts / n - (sumX * sumY) / (n * n);
  return (sumProducts - (sumX * sumY) / n) / (n - 1);
}

/** Absolute lift μB − μA with variance varA/nA + varB/nB (gbstats utils.frequentist_variance); null without units. */
export function absoluteLift(a: ArmMoments, b: ArmMoments): Lift | null {
  if (!(a.n > 0) || !(b.n > 0)) return null;
  return { effect: b.mean - a.mean, variance: a.variance / a.n + b.variance / b.n };
}

/**
 * Relative lift (μB − μA) / μA with the delta-method variance
 * varB/(nB·μA²) + varA·μB²/(nA·μA⁴) (gbstats utils.frequentist_variance → variance_of_ratios with
 * zero covariance, the arms being independent); null when μA = 0 or an arm has no units.
 */
export function relativeLift(a: ArmMoments, b: ArmMoments): Lift | null {
  if (a.mean === 0 || !(a.n > 0) || !(b.n > 0)) return null;
  const muA2 = a.mean * a.mean;
  return {
    effect: (b.mean - a.mean) / a.mean,
    variance: b.variance / (b.n * muA2) + (a.variance * b.mean * b.mean) / (a.n * muA2 * muA2),
  };
}

/**
 * Welch–Satterthwaite degrees of freedom
 * (varA/nA + varB/nB)² / (varA²/(nA²(nA−1)) + varB²/(nB²(nB−1))) (gbstats EffectMoments.dof);
 * null when an arm has fewer than two units or both variances are 0.
 */
export function welchDegreesOfFreedom(a: ArmMoments, b: ArmMoments): number | null {
  if (a.n < 2 || b.n < 2) return null;
  const sa = a.variance / a.n;
  const sb = b.variance / b.n;
  const denominator = (sa * sa) / (a.n - 1) + (sb * sb) / (b.n - 1);
  if (!(denominator > 0)) return null;
  return ((sa + sb) * (sa + sb)) / denominator;
}

/**
 * Why two arms cannot be compared, or null when they can: an arm without units, a variance ≤ 0 in
 * either arm, or, for a relative lift, a control mean of 0 — the refusals of gbstats
 * EffectMoments.compute_result (ZERO_NEGATIVE_VARIANCE_MESSAGE, BASELINE_VARIATION_ZERO_MESSAGE).
 */
export function uncomputableReason(
  a: ArmMoments | null,
  b: ArmMoments | null,
  relative: boolean,
): UncomputableReason | null {
  if (a === null || b === null || a.n <= 0 || b.n <= 0) return "no_units";
  if (!(a.variance > 0) || !(b.variance > 0)) return "zero_variance";
  if (relative && a.mean === 0) return "baseline_zero";
  return null;
}
