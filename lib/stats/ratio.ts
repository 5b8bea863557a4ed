import { momentsTTest, type FrequentistOptions, type FrequentistResult } from "./frequentist";
import { detectKind, sampleCovariance, sampleVariance, type ArmMoments, type Uncomputable } from "./moments";
import type { RatioStats, SampleStats } from "./types";

/**
 * Ratio metrics (revenue per order, clicks per session): the per-arm estimate Σnumerator /
 * Σdenominator, whose units are not the randomized units, so its variance comes from the delta
 * method. As gbstats RatioStatistic and utils.variance_of_ratios
 * (packages/stats/gbstats/models/statistics.py, utils.py).
 */

export type RatioOptions = Omit<FrequentistOptions, "kind">;

const part = (s: RatioStats, which: "numerator" | "denominator"): SampleStats => ({ n: s.n, ...s[which] });

/**
 * One arm of a ratio metric as moments: mean R = ΣM/ΣD and the delta-method per-unit variance
 * Var M/μD² + Var D·μM²/μD⁴ − 2·Cov(M, D)·μM/μD³ with μM = ΣM/n, μD = ΣD/n (gbstats
 * variance_of_ratios). Null when there are no units or ΣD = 0; variance 0 with a single unit.
 */
export function ratioMoments(s: RatioStats): ArmMoments | null {
  if (!(s.n > 0) || s.denominator.sum === 0) return null;
  const m = part(s, "numerator");
  const d = part(s, "denominator");
  const mKind = detectKind(m);
  const dKind = detectKind(d);
  const muM = m.sum / s.n;
  const muD = d.sum / s.n;
  const varM = sampleVariance(m, mKind) ?? 0;
  const varD = sampleVariance(d, dKind) ?? 0;
  const both = mKind === "proportion" && dKind === "proportion";
  const cov = sampleCovariance(s.n, m.sum, d.sum, s.crossProduct, both) ?? 0;
  const variance = s.n < 2 ? 0 : varM / muD ** 2 + (varD * muM ** 2) / muD ** 4 - (2 * cov * muM) / muD ** 3;
  return { n: s.n, mean: m.sum / d.sum, variance };
}

/**
 * Welch t-test of a ratio metric, B against A: the moments of ratioMoments through momentsTTest
 * (relative lift by the delta method varB/(nB·RA²) + varA·RB²/(nA·RA⁴), t with Welch df).
 * "no_units" also covers an arm whose denominator sums to 0.
 */
export function ratioTest(a: RatioStats, b: RatioStats, options: RatioOptions = {}): FrequentistResult | Uncomputable {
  return momentsTTest(ratioMoments(a), ratioMoments(b), options);
}
