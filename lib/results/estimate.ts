import { bayesianOnEstimate } from "@/lib/stats/bayesian";
import { cupedTest } from "@/lib/stats/cuped";
import { welchTTest, type FrequentistResult } from "@/lib/stats/frequentist";
import type { MetricKind, Uncomputable } from "@/lib/stats/moments";
import { sampleVariance } from "@/lib/stats/moments";
import { ratioTest } from "@/lib/stats/ratio";
import { sequentialOnEstimate } from "@/lib/stats/sequential";
import type { CupedStats, RatioStats, SampleStats } from "@/lib/stats/types";
import type { ArmTotals } from "./totals";
import type { ArmEffect, ResultsSettings } from "./types";

export type GoalKindName = "conversion" | "count" | "sum" | "ratio";

/** The kind lib/stats reads: a conversion goal's 0/1 values are proportions (variance p(1 − p)), the rest means. */
export const metricKindOf = (kind: GoalKindName): MetricKind => (kind === "conversion" ? "proportion" : "mean");

const metricOf = (t: ArmTotals): SampleStats => ({ n: t.n, sum: t.sum, sumSquares: t.sumSquares });
const covariateOf = (t: ArmTotals): SampleStats => ({
  n: t.n,
  sum: t.covariateSum,
  sumSquares: t.covariateSumSquares,
});
const cupedOf = (t: ArmTotals): CupedStats => ({
  n: t.n,
  metric: { sum: t.sum, sumSquares: t.sumSquares },
  covariate: { sum: t.covariateSum, sumSquares: t.covariateSumSquares },
  crossProduct: t.covariateCross,
});
const ratioOf = (t: ArmTotals): RatioStats => ({
  n: t.n,
  numerator: { sum: t.sum, sumSquares: t.sumSquares },
  denominator: { sum: t.denominatorSum, sumSquares: t.denominatorSumSquares },
  crossProduct: t.denominatorCross,
});

/**
 * Whether CUPED can adjust this metric: a covariate was measured and it
 * varies in every arm (with no variance θ is undefined; gbstats then falls
 * back to the unadjusted test, and so do we).
 */
export function cupedUsable(arms: readonly ArmTotals[], kind: GoalKindName, cupedDays: number): boolean {
  if (!(cupedDays > 0) || kind === "ratio") return false;
  return arms.every((t) => t.n > 1 && (sampleVariance(covariateOf(t), metricKindOf(kind)) ?? 0) > 0);
}

/**
 * The fixed-horizon estimate of the relative lift of `b` over `a` with its
 * standard error and test: the delta method on the ratio's numerator and
 * denominator for ratio goals (ratioTest), CUPED's regression adjustment when
 * `cuped` (cupedTest), else Welch's t on the per-unit values (welchTTest).
 * The other engines start from this estimate.
 */
export function fixedHorizon(
  a: ArmTotals,
  b: ArmTotals,
  kind: GoalKindName,
  cuped: boolean,
  alpha: number,
): (FrequentistResult & { theta?: number }) | Uncomputable {
  if (kind === "ratio") return ratioTest(ratioOf(a), ratioOf(b), { alpha });
  const metricKind = metricKindOf(kind);
  if (cuped) return cupedTest(cupedOf(a), cupedOf(b), { alpha, metricKind, covariateKind: metricKind });
  return welchTTest(metricOf(a), metricOf(b), { alpha, kind: metricKind });
}

/**
 * One treatment against the control as the chosen engine reads it, before
 * the multiple-comparison correction (adjustedPValue = pValue, significance
 * on the raw value; analyze-experiment.ts corrects them together):
 * - frequentist: the fixed-horizon test itself;
 * - sequential: the same estimate and SE through the always-valid confidence
 *   sequence of Waudby-Smith et al. (sequentialOnEstimate, N* from settings);
 * - Bayesian: the Gaussian posterior of the same estimate under a flat prior
 *   (bayesianOnEstimate): chance to win and risk, no p-value.
 * `inverse`: the goal is better when it falls, so a negative lift is "better",
 * and the chance to win is the chance of a fall (gbstats' inverse metrics).
 */
export function compareArms(
  control: ArmTotals,
  treatment: ArmTotals,
  kind: GoalKindName,
  cuped: boolean,
  settings: Pick<ResultsSettings, "engine" | "alpha" | "tuningParameter">,
  inverse = false,
): ArmEffect {
  const base = fixedHorizon(control, treatment, kind, cuped, settings.alpha);
  if (!base.computable) return { computable: false, reason: base.reason };
  const theta = "theta" in base && typeof base.theta === "number" ? base.theta : null;
  const lift = { effect: base.effect, variance: base.standardError ** 2 };
  const better = (effect: number) => (inverse ? effect < 0 : effect > 0);
  if (settings.engine === "bayesian") {
    const posterior = bayesianOnEstimate(lift, { alpha: settings.alpha, inverse });
    if (!posterior.computable) return { computable: false, reason: posterior.reason };
    const sure = posterior.chanceToWin >= 1 - settings.alpha || posterior.chanceToWin <= settings.alpha;
    return {
      computable: true,
      lift: posterior.effect,
      interval: posterior.interval,
      standardError: posterior.standardError,
      pValue: null,
      adjustedPValue: null,
      chanceToWin: posterior.chanceToWin,
      risk: posterior.risk,
      theta,
      significant: sure,
      direction: sure ? (posterior.chanceToWin >= 0.5 ? "better" : "worse") : null,
    };
  }
  const read =
    settings.engine === "sequential"
      ? sequentialOnEstimate(lift, control.n + treatment.n, {
          alpha: settings.alpha,
          tuningParameter: settings.tuningParameter,
        })
      : base;
  if (!read.computable) return { computable: false, reason: read.reason };
  const significant = read.pValue < settings.alpha;
  return {
    computable: true,
    lift: read.effect,
    interval: read.interval,
    standardError: read.standardError,
    pValue: read.pValue,
    adjustedPValue: read.pValue,
    chanceToWin: null,
    risk: null,
    theta,
    significant,
    direction: significant ? (better(read.effect) ? "better" : "worse") : null,
  };
}
