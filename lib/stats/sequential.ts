import { DEFAULT_ALPHA, liftFor, validAlpha, type FrequentistOptions } from "./frequentist";
import { armMoments, detectKind, uncomputableReason, type Lift, type Uncomputable } from "./moments";
import type { Comparison, SampleStats } from "./types";

/**
 * Always-valid inference for experiments that are looked at while they run: asymptotic confidence
 * sequences of Waudby-Smith, Arnold, Wu, Howard and Ramdas (2023), "Time-uniform central limit
 * theory and asymptotic confidence sequences", arXiv:2103.06476 (eq. 9 for the interval, eq. 155
 * for the e-value), as GrowthBook's gbstats SequentialTwoSidedTTest does
 * (packages/stats/gbstats/frequentist/tests.py). The false positive rate stays at most α however
 * often the result is read; the price is a wider interval than the fixed-horizon one.
 */

/** gbstats' default for N*. */
export const DEFAULT_SEQUENTIAL_TUNING_PARAMETER = 5000;

export type SequentialOptions = FrequentistOptions & {
  /**
   * N* (gbstats `sequential_tuning_parameter`): the total sample size (both arms) at which the
   * confidence sequence is tightest. Choose about the number of units the experiment expects;
   * too small a value widens the interval late in the test, too large widens it early. Default 5000.
   */
  tuningParameter?: number;
};

export type SequentialResult = Comparison & {
  computable: true;
  /** Always-valid p-value: min(1, 1/e-value); never increases as evidence accumulates. */
  pValue: number;
  alpha: number;
  tuningParameter: number;
};

/**
 * The mixing parameter ρ that makes the confidence sequence tightest at N = N*:
 * ρ = √((−2 ln α + ln(1 − 2 ln α)) / N*) (gbstats sequential_rho; Waudby-Smith et al. 2023).
 */
export function sequentialRho(alpha: number, tuningParameter: number): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(l + 1)) / tuningParameter);
}

/**
 * Half-width of the two-sided asymptotic confidence sequence at total sample size N, for an
 * estimator with per-unit variance s² (= SE²·N):
 * √s² · √(2(Nρ² + 1) · ln(√(Nρ² + 1)/α) / (Nρ)²) (Waudby-Smith et al. 2023, eq. 9;
 * gbstats sequential_interval_halfwidth).
 */
export function confidenceSequenceHalfWidth(s2: number, n: number, alpha: number, rho: number): number {
  const nr2p1 = n * rho * rho + 1;
  return Math.sqrt(s2) * Math.sqrt((2 * nr2p1 * Math.log(Math.sqrt(nr2p1) / alpha)) / (n * rho) ** 2);
}

/**
 * Always-valid p-value min(1, 1/E) with the mixture e-value E = exp(ρ²·S / (2(Nρ² + 1))) / √(Nρ² + 1),
 * S = N·effect²/SE² (Waudby-Smith et al. 2023, eq. 155; gbstats SequentialTwoSidedTTest.p_value).
 * Computed in logs so that a large S gives p = 0 rather than Infinity arithmetic.
 */
export function sequentialPValue(effect: number, standardError: number, n: number, rho: number): number {
  const s = (effect * effect * n) / (standardError * standardError);
  const nr2p1 = n * rho * rho + 1;
  const logE = (rho * rho * s) / (2 * nr2p1) - 0.5 * Math.log(nr2p1);
  return Math.min(1, Math.exp(-logE));
}

/**
 * The sequential interval and p-value of any effect estimate Δ̂ with variance v (plain, CUPED-adjusted
 * or ratio, as gbstats applies SequentialTwoSidedTTest to each of its test statistics): with N the
 * units of both arms, Δ̂ ± confidenceSequenceHalfWidth(v·N, N, α, ρ) and sequentialPValue.
 */
export function sequentialOnEstimate(
  lift: Lift,
  n: number,
  options: Pick<SequentialOptions, "alpha" | "tuningParameter"> = {},
): SequentialResult | Uncomputable {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const tuningParameter = options.tuningParameter ?? DEFAULT_SEQUENTIAL_TUNING_PARAMETER;
  if (!validAlpha(alpha) || !(tuningParameter > 0)) return { computable: false, reason: "invalid_options" };
  if (!(n > 0)) return { computable: false, reason: "no_units" };
  if (!(lift.variance > 0)) return { computable: false, reason: "zero_variance" };
  const rho = sequentialRho(alpha, tuningParameter);
  const standardError = Math.sqrt(lift.variance);
  const halfWidth = confidenceSequenceHalfWidth(lift.variance * n, n, alpha, rho);
  return {
    computable: true,
    effect: lift.effect,
    standardError,
    interval: [lift.effect - halfWidth, lift.effect + halfWidth],
    pValue: sequentialPValue(lift.effect, standardError, n, rho),
    alpha,
    tuningParameter,
  };
}

/**
 * Sequential two-sided test of B against A: the same lift and SE as welchTTest (delta method when
 * relative), with N = nA + nB, then sequentialOnEstimate. Source: gbstats SequentialTwoSidedTTest.
 */
export function sequentialTTest(
  a: SampleStats,
  b: SampleStats,
  options: SequentialOptions = {},
): SequentialResult | Uncomputable {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const tuningParameter = options.tuningParameter ?? DEFAULT_SEQUENTIAL_TUNING_PARAMETER;
  const difference = options.difference ?? "relative";
  if (!validAlpha(alpha) || !(tuningParameter > 0)) return { computable: false, reason: "invalid_options" };
  const kind = options.kind ?? detectKind(a, b);
  const ma = armMoments(a, kind);
  const mb = armMoments(b, kind);
  const reason = uncomputableReason(ma, mb, difference === "relative");
  if (reason !== null || ma === null || mb === null) return { computable: false, reason: reason ?? "no_units" };
  const lift = liftFor(ma, mb, difference);
  if (lift === null) return { computable: false, reason: "baseline_zero" };
  return sequentialOnEstimate(lift, ma.n + mb.n, { alpha, tuningParameter });
}
