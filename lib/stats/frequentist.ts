import tcdf from "@stdlib/stats-base-dists-t-cdf";
import tquantile from "@stdlib/stats-base-dists-t-quantile";
import {
  absoluteLift,
  armMoments,
  detectKind,
  relativeLift,
  uncomputableReason,
  welchDegreesOfFreedom,
  type ArmMoments,
  type Lift,
  type MetricKind,
  type Uncomputable,
} from "./moments";
import type { Comparison, SampleStats } from "./types";

/** Relative: (μB − μA)/μA; absolute: μB − μA. */
export type DifferenceType = "relative" | "absolute";

export type FrequentistOptions = {
  /** Two-sided significance level; the interval covers 1 − α. Default 0.05. */
  alpha?: number;
  /** Default "relative", as in gbstats. */
  difference?: DifferenceType;
  /** Default: "proportion" when both arms look like 0/1 conversions (Σx² = Σx), else "mean". */
  kind?: MetricKind;
};

/** A fixed-horizon frequentist answer: the effect, its SE and 1 − α interval, and a two-sided p-value. */
export type FrequentistResult = Comparison & {
  computable: true;
  pValue: number;
  alpha: number;
  /** Welch–Satterthwaite degrees of freedom of the t reference distribution. */
  degreesOfFreedom: number;
};

export const DEFAULT_ALPHA = 0.05;

/** Whether α is a usable significance level, 0 < α < 1. */
export function validAlpha(alpha: number): boolean {
  return alpha > 0 && alpha < 1;
}

/**
 * Two-sided Student-t inference on an estimate: SE = √variance, p = 2·(1 − F_t(|effect|/SE; df)),
 * interval effect ± t_{1−α/2, df}·SE (gbstats frequentist/tests.py, TwoSidedTTest). A relative lift
 * uses the same t quantile with the Welch df on its delta-method SE, which is what gbstats' unit
 * tests expect. Null when the variance or df is not positive, or α is outside (0, 1).
 */
export function tTestOnEstimate(lift: Lift, degreesOfFreedom: number, alpha = DEFAULT_ALPHA): FrequentistResult | null {
  if (!(lift.variance > 0) || !(degreesOfFreedom > 0) || !Number.isFinite(lift.effect) || !validAlpha(alpha)) {
    return null;
  }
  const standardError = Math.sqrt(lift.variance);
  const t = Math.abs(lift.effect) / standardError;
  const pValue = Math.min(1, Math.max(0, 2 * (1 - tcdf(t, degreesOfFreedom))));
  const halfWidth = tquantile(1 - alpha / 2, degreesOfFreedom) * standardError;
  return {
    computable: true,
    effect: lift.effect,
    standardError,
    interval: [lift.effect - halfWidth, lift.effect + halfWidth],
    pValue,
    alpha,
    degreesOfFreedom,
  };
}

/**
 * The lift asked for: relativeLift ((μB − μA)/μA, delta-method variance) or absoluteLift
 * (μB − μA, varA/nA + varB/nB), from moments.ts; null when a relative lift has μA = 0 or an arm has no units.
 */
export function liftFor(a: ArmMoments, b: ArmMoments, difference: DifferenceType): Lift | null {
  return difference === "relative" ? relativeLift(a, b) : absoluteLift(a, b);
}

/**
 * Welch's two-sample t-test of treatment B against control A, from sufficient statistics.
 * Variance per arm: sample variance with n − 1, or p(1 − p) for conversions; lift and its variance
 * from moments.ts (delta method when relative); df by Welch–Satterthwaite; see tTestOnEstimate.
 * Conversions go through the same test with p(1 − p), which is how gbstats (TwoSidedTTest on
 * ProportionStatistic) handles the two-proportion comparison. Source: gbstats
 * packages/stats/gbstats/frequentist/tests.py and models/statistics.py.
 */
export function welchTTest(
  a: SampleStats,
  b: SampleStats,
  options: FrequentistOptions = {},
): FrequentistResult | Uncomputable {
  const kind = options.kind ?? detectKind(a, b);
  return momentsTTest(armMoments(a, kind), armMoments(b, kind), options);
}

/**
 * The two-proportion test on conversions (Σx = conversions; Σx² is ignored): welchTTest with
 * variance p(1 − p) per arm, as gbstats does for ProportionStatistic.
 */
export function proportionTest(
  a: { n: number; conversions: number },
  b: { n: number; conversions: number },
  options: Omit<FrequentistOptions, "kind"> = {},
): FrequentistResult | Uncomputable {
  const toStats = (arm: { n: number; conversions: number }): SampleStats => ({
    n: arm.n,
    sum: arm.conversions,
    sumSquares: arm.conversions,
  });
  return welchTTest(toStats(a), toStats(b), { ...options, kind: "proportion" });
}

/**
 * welchTTest on arms already reduced to moments (ratio metrics pass their delta-method variances):
 * uncomputableReason, then liftFor, welchDegreesOfFreedom and tTestOnEstimate (gbstats
 * TwoSidedTTest on any Statistic).
 */
export function momentsTTest(
  a: ArmMoments | null,
  b: ArmMoments | null,
  options: Omit<FrequentistOptions, "kind"> = {},
): FrequentistResult | Uncomputable {
  const difference = options.difference ?? "relative";
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!validAlpha(alpha)) return { computable: false, reason: "invalid_options" };
  const reason = uncomputableReason(a, b, difference === "relative");
  if (reason !== null || a === null || b === null) return { computable: false, reason: reason ?? "no_units" };
  const lift = liftFor(a, b, difference);
  const df = welchDegreesOfFreedom(a, b);
  if (lift === null) return { computable: false, reason: "baseline_zero" };
  if (df === null) return { computable: false, reason: "zero_variance" };
  return tTestOnEstimate(lift, df, alpha) ?? { computable: false, reason: "zero_variance" };
}
