import {
  DEFAULT_ALPHA,
  tTestOnEstimate,
  validAlpha,
  welchTTest,
  type FrequentistOptions,
  type FrequentistResult,
} from "./frequentist";
import {
  armMoments,
  detectKind,
  sampleCovariance,
  sampleVariance,
  uncomputableReason,
  welchDegreesOfFreedom,
  type Lift,
  type MetricKind,
  type Uncomputable,
} from "./moments";
import type { CupedStats, SampleStats } from "./types";

/**
 * CUPED (Deng, Xu, Kohavi and Walker 2013, "Improving the sensitivity of online controlled
 * experiments by utilizing pre-experiment data"): each arm's metric Y is adjusted by a
 * pre-exposure covariate X as Y − θX, with one θ pooled over both arms, which keeps the estimate
 * unbiased and removes the part of the variance X explains. As gbstats
 * RegressionAdjustedStatistic, compute_theta and frequentist_variance_relative_cuped
 * (packages/stats/gbstats/models/statistics.py, models/tests.py).
 */

export type CupedOptions = Omit<FrequentistOptions, "kind"> & {
  /** Kinds of the metric and the covariate; detected from both arms when absent (see moments.ts). */
  metricKind?: MetricKind;
  covariateKind?: MetricKind;
};

/** A CUPED answer: the frequentist result on the adjusted metric, and the θ it used (0: no adjustment). */
export type CupedResult = FrequentistResult & { theta: number };

type Kinds = { metric: MetricKind; covariate: MetricKind };

const metricOf = (s: CupedStats): SampleStats => ({ n: s.n, ...s.metric });
const covariateOf = (s: CupedStats): SampleStats => ({ n: s.n, ...s.covariate });

function kindsFor(a: CupedStats, b: CupedStats, options: CupedOptions): Kinds {
  return {
    metric: options.metricKind ?? detectKind(metricOf(a), metricOf(b)),
    covariate: options.covariateKind ?? detectKind(covariateOf(a), covariateOf(b)),
  };
}

/** Cov(Y, X) within one arm (or the pooled arms). */
function covariance(s: CupedStats, kinds: Kinds): number {
  const both = kinds.metric === "proportion" && kinds.covariate === "proportion";
  return sampleCovariance(s.n, s.metric.sum, s.covariate.sum, s.crossProduct, both) ?? 0;
}

/** Per-unit moments of one arm: μY, μX, Var Y, Var X, Cov(Y, X). */
function armParts(s: CupedStats, kinds: Kinds) {
  return {
    n: s.n,
    meanY: s.metric.sum / s.n,
    meanX: s.covariate.sum / s.n,
    varY: sampleVariance(metricOf(s), kinds.metric) ?? 0,
    varX: sampleVariance(covariateOf(s), kinds.covariate) ?? 0,
    cov: covariance(s, kinds),
  };
}

/**
 * Pooled θ = Cov(Y, X) / Var(X) over the union of both arms' units (gbstats compute_theta);
 * 0 when the pooled Var(X) or Var(Y) is 0, or there are fewer than two units.
 */
export function cupedTheta(a: CupedStats, b: CupedStats, options: CupedOptions = {}): number {
  const kinds = kindsFor(a, b, options);
  const add = (x: { sum: number; sumSquares: number }, y: { sum: number; sumSquares: number }) => ({
    sum: x.sum + y.sum,
    sumSquares: x.sumSquares + y.sumSquares,
  });
  const pooled: CupedStats = {
    n: a.n + b.n,
    metric: add(a.metric, b.metric),
    covariate: add(a.covariate, b.covariate),
    crossProduct: a.crossProduct + b.crossProduct,
  };
  if (pooled.n < 2) return 0;
  const p = armParts(pooled, kinds);
  if (!(p.varX > 0) || !(p.varY > 0)) return 0;
  return p.cov / p.varX;
}

/**
 * CUPED test of B against A. Adjusted mean per arm μY − θμX, adjusted variance
 * Var Y + θ²Var X − 2θCov(Y, X). Absolute: (adjB − adjA) with variance Σ adjVar/n. Relative:
 * (adjB − adjA) / μY_A (the control's unadjusted mean), with the delta-method variance of gbstats
 * frequentist_variance_relative_cuped:
 * adjVar_B/(n_B μY_A²) + (Var Y_A·μY_B²/μY_A² − 2θ·Cov_A·μY_B/μY_A + θ²Var X_A)/(n_A μY_A²).
 * p-value and interval from a t with Welch df on the adjusted variances (tTestOnEstimate).
 * When θ = 0 this is welchTTest on the metric alone.
 */
export function cupedTest(a: CupedStats, b: CupedStats, options: CupedOptions = {}): CupedResult | Uncomputable {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!validAlpha(alpha)) return { computable: false, reason: "invalid_options" };
  const kinds = kindsFor(a, b, options);
  const relative = (options.difference ?? "relative") === "relative";
  const reason = uncomputableReason(
    armMoments(metricOf(a), kinds.metric),
    armMoments(metricOf(b), kinds.metric),
    relative,
  );
  if (reason !== null) return { computable: false, reason };
  const theta = cupedTheta(a, b, options);
  if (theta === 0) {
    const plain = welchTTest(metricOf(a), metricOf(b), { ...options, kind: kinds.metric });
    return plain.computable ? { ...plain, theta } : plain;
  }
  const pa = armParts(a, kinds);
  const pb = armParts(b, kinds);
  const adjusted = (p: typeof pa) => ({
    n: p.n,
    mean: p.meanY - theta * p.meanX,
    variance: p.varY + theta * theta * p.varX - 2 * theta * p.cov,
  });
  const ma = adjusted(pa);
  const mb = adjusted(pb);
  if (!(ma.variance > 0) || !(mb.variance > 0)) return { computable: false, reason: "zero_variance" };
  let lift: Lift;
  if (relative) {
    const muA = pa.meanY;
    const ratio = pb.meanY / muA;
    const controlPart = pa.varY * ratio * ratio - 2 * theta * pa.cov * ratio + theta * theta * pa.varX;
    lift = {
      effect: (mb.mean - ma.mean) / muA,
      variance: mb.variance / (pb.n * muA * muA) + controlPart / (pa.n * muA * muA),
    };
  } else {
    lift = { effect: mb.mean - ma.mean, variance: ma.variance / ma.n + mb.variance / mb.n };
  }
  const df = welchDegreesOfFreedom(ma, mb);
  const result = df === null ? null : tTestOnEstimate(lift, df, alpha);
  return result === null ? { computable: false, reason: "zero_variance" } : { ...result, theta };
}
