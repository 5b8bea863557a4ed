import ncdf from "@stdlib/stats-base-dists-normal-cdf";
import nquantile from "@stdlib/stats-base-dists-normal-quantile";
import { sampleVariance } from "./moments";
import type { Comparison, SampleStats } from "./types";

/** A proper normal prior on the effect, on the scale of the difference asked for (relative or absolute). */
export type EffectPrior = { mean: number; variance: number };

export type BayesianOptions = {
  /** 1 − α credible interval; default 0.05. */
  alpha?: number;
  /** Default "relative": (μB − μA)/μA; "absolute": μB − μA. */
  difference?: "relative" | "absolute";
  /** Proper normal prior on the effect; default none (flat, improper), as in gbstats. */
  prior?: EffectPrior | null;
  /** Lower is better: chance to win is P(effect < 0) and the risks swap. */
  inverse?: boolean;
  /** Default: "proportion" when every arm is 0/1 data (Σx² = Σx), else "mean". */
  kind?: "mean" | "proportion";
};

export type BayesianResult = Comparison & {
  computable: true;
  /** P(treatment better than control) under the posterior. */
  chanceToWin: number;
  /** Expected loss of choosing each arm: control E[max(Δ, 0)], treatment E[max(−Δ, 0)] (swapped when inverse). */
  risk: { control: number; treatment: number };
};

export type BayesianUncomputable = { computable: false; reason: "no_units" | "zero_variance" | "baseline_zero" };

type Moments = { n: number; mean: number; variance: number };

/** Mean and per-unit variance: p(1 − p) for conversions, else the n − 1 sample variance (gbstats statistics). */
function moments(s: SampleStats, kind: "mean" | "proportion"): Moments {
  return { n: s.n, mean: s.sum / s.n, variance: sampleVariance(s, kind) ?? 0 };
}

/** Standard normal density, φ(z) = exp(−z²/2)/√(2π): the closed form, no @stdlib package is installed for it. */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Expected loss for X ~ N(μ, σ²): [E max(X, 0), E max(−X, 0)] = [μΦ(μ/σ) + σφ(μ/σ), that − μ].
 * Equal to gbstats' get_risk, (1 − P(X<0))·E[X | X>0] and −P(X<0)·E[X | X<0], written without the
 * truncated-normal mean. Source: gbstats bayesian/tests.py, EffectBayesianABTest.get_risk.
 */
export function gaussianRisk(mean: number, sd: number): [number, number] {
  const z = mean / sd;
  const positive = mean * ncdf(z, 0, 1) + sd * phi(z);
  return [positive, positive - mean];
}

/**
 * GrowthBook's Bayesian engine (gbstats EffectBayesianABTest). The data give the effect Δ̂ with
 * variance v: relative Δ̂ = μB/μA − 1, v = σB²/(μA²nB) + σA²μB²/(μA⁴nA) (delta method); absolute
 * Δ̂ = μB − μA, v = σA²/nA + σB²/nB. With a proper prior N(m, τ²) the posterior is normal with
 * precision 1/v + 1/τ² and mean (Δ̂/v + m/τ²)/precision; without one it is N(Δ̂, v). Chance to win
 * = 1 − Φ(0; mean, sd); credible interval = normal quantiles α/2, 1 − α/2; risk = gaussianRisk.
 * Source: gbstats packages/stats/gbstats/bayesian/tests.py (EffectBayesianABTest.compute_result).
 */
export function bayesianTest(
  a: SampleStats,
  b: SampleStats,
  options: BayesianOptions = {},
): BayesianResult | BayesianUncomputable {
  if (!(a.n > 0) || !(b.n > 0)) return { computable: false, reason: "no_units" };
  const kind = options.kind ?? (a.sum === a.sumSquares && b.sum === b.sumSquares ? "proportion" : "mean");
  const relative = (options.difference ?? "relative") === "relative";
  const A = moments(a, kind);
  const B = moments(b, kind);
  if (relative && A.mean === 0) return { computable: false, reason: "baseline_zero" };
  if (!(A.variance > 0) || !(B.variance > 0)) return { computable: false, reason: "zero_variance" };
  const dataMean = relative ? B.mean / A.mean - 1 : B.mean - A.mean;
  const dataVariance = relative
    ? B.variance / (A.mean * A.mean * B.n) + (A.variance * B.mean * B.mean) / A.mean ** 4 / A.n
    : A.variance / A.n + B.variance / B.n;
  return bayesianOnEstimate({ effect: dataMean, variance: dataVariance }, options);
}

/**
 * The posterior of any effect estimate Δ̂ with variance v (plain, CUPED-adjusted or ratio: gbstats
 * runs EffectBayesianABTest on each of its test statistics): with a proper prior N(m, τ²) the
 * posterior is normal with precision 1/v + 1/τ² and mean (Δ̂/v + m/τ²)/precision, else N(Δ̂, v);
 * chance to win, credible interval and risk as in bayesianTest.
 */
export function bayesianOnEstimate(
  lift: { effect: number; variance: number },
  options: Pick<BayesianOptions, "alpha" | "prior" | "inverse"> = {},
): BayesianResult | BayesianUncomputable {
  if (!(lift.variance > 0)) return { computable: false, reason: "zero_variance" };
  const alpha = options.alpha ?? 0.05;
  const prior = options.prior ?? null;
  const precision = 1 / lift.variance + (prior ? 1 / prior.variance : 0);
  const effect = prior ? (lift.effect / lift.variance + prior.mean / prior.variance) / precision : lift.effect;
  const standardError = Math.sqrt(1 / precision);
  const win = 1 - ncdf(0, effect, standardError);
  const [lossControl, lossTreatment] = gaussianRisk(effect, standardError);
  return {
    computable: true,
    effect,
    standardError,
    interval: [nquantile(alpha / 2, effect, standardError), nquantile(1 - alpha / 2, effect, standardError)],
    chanceToWin: options.inverse ? 1 - win : win,
    risk: options.inverse
      ? { control: lossTreatment, treatment: lossControl }
      : { control: lossControl, treatment: lossTreatment },
  };
}
