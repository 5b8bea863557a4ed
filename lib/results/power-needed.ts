import { sampleVariance } from "@/lib/stats/moments";
import { sampleSizePerArm, type PowerMetric } from "@/lib/stats/power";
import { ratioMoments } from "@/lib/stats/ratio";
import type { GoalKindName } from "./estimate";
import type { ArmTotals } from "./totals";

/** The control's per-unit metric as lib/stats/power reads it; null without units or variance. */
export function powerMetricOf(control: ArmTotals, kind: GoalKindName): PowerMetric | null {
  if (!(control.n > 1)) return null;
  if (kind === "conversion") {
    const rate = control.sum / control.n;
    return rate > 0 && rate < 1 ? { kind: "proportion", rate } : null;
  }
  if (kind === "ratio") {
    const m = ratioMoments({
      n: control.n,
      numerator: { sum: control.sum, sumSquares: control.sumSquares },
      denominator: { sum: control.denominatorSum, sumSquares: control.denominatorSumSquares },
      crossProduct: control.denominatorCross,
    });
    return m && m.mean !== 0 && m.variance > 0 ? { kind: "mean", mean: m.mean, variance: m.variance } : null;
  }
  const variance = sampleVariance({ n: control.n, sum: control.sum, sumSquares: control.sumSquares }, "mean") ?? 0;
  const mean = control.sum / control.n;
  return mean !== 0 && variance > 0 ? { kind: "mean", mean, variance } : null;
}

/**
 * Units per arm for 80 % power to detect a relative lift `mde` at level α on
 * this metric, from the control's observed rate or mean and variance
 * (sampleSizePerArm, the relative test the results use). With several
 * treatments, α is split between them (Bonferroni), as a conservative plan
 * for the corrected p-values. Null when the control gives nothing to plan on.
 */
export function unitsNeededPerArm(
  control: ArmTotals,
  kind: GoalKindName,
  options: { mde: number; alpha: number; treatments: number },
): number | null {
  const metric = powerMetricOf(control, kind);
  if (!metric || !(options.mde > 0)) return null;
  return sampleSizePerArm(metric, options.mde, {
    alpha: options.alpha / Math.max(1, options.treatments),
    power: 0.8,
    test: "relative",
  });
}
