import { sampleVariance } from "./moments";
import { mulberry32, normalSampler } from "./random";
import type { SampleStats } from "./types";

export type BanditOptions = {
  /** Weights in force (equal when absent): kept until every arm has `minUnits`. */
  currentWeights?: readonly number[];
  /** Units every arm needs before reweighting; default 100 (gbstats Bandits). */
  minUnits?: number;
  /** Floor on each arm's share; default 0.01. */
  minShare?: number;
  /** Top-two Thompson sampling (default, as gbstats) or plain Thompson sampling. */
  topTwo?: boolean;
  /** Posterior draws per arm; default 10,000 (gbstats n_samples). */
  samples?: number;
  /** PRNG seed: the same arms and seed give the same weights. Default 1. */
  seed?: number;
  /** The metric is better when it falls (refunds): the best arm is the one with the lowest draw. */
  lowerIsBetter?: boolean;
};

/** The new weights, whether they changed, and each arm's chance of being best (null before reweighting starts). */
export type BanditWeights = { weights: number[]; updated: boolean; chances: number[] | null };

/** Posterior of an arm's mean under a flat prior: N(x̄, s²/n); s² = p(1 − p) for 0/1 data, else the n − 1 sample variance. */
function posterior(s: SampleStats): { mean: number; sd: number } {
  const mean = s.sum / s.n;
  const variance = sampleVariance(s) ?? 0;
  return { mean, sd: variance > 0 ? Math.sqrt(variance / s.n) : 0 };
}

/**
 * Top-two Thompson weights from the probabilities p_i that arm i is best:
 * w_i = ½ Σ_{j≠i} [p_i·p_j/(1 − p_i) + p_j·p_i/(1 − p_j)], the chance that i is drawn first or second
 * when the leader is played half the time (p floored at 1e-5 and renormalized first). With two arms
 * every w is ½. Sources: Russo, "Simple Bayesian Algorithms for Best-Arm Identification",
 * Operations Research 68 (2020); gbstats bayesian/bandits.py (Bandits.top_two_weights).
 */
export function topTwoWeights(bestShares: readonly number[]): number[] {
  const floored = bestShares.map((x) => Math.max(x, 1e-5));
  const total = floored.reduce((a, b) => a + b, 0);
  const p = floored.map((x) => x / total);
  return p.map(
    (pi, i) => p.reduce((sum, pj, j) => (j === i ? sum : sum + (pi * pj) / (1 - pi) + (pj * pi) / (1 - pj)), 0) / 2,
  );
}

/**
 * Weights with every arm at least `minShare`: arms below the floor are set to it and the rest share
 * 1 − (floored arms)·minShare in proportion to their weights, repeated until no arm falls below.
 * Requires minShare·arms ≤ 1 (else equal weights).
 */
export function withMinShare(weights: readonly number[], minShare: number): number[] {
  const k = weights.length;
  if (minShare * k >= 1) return weights.map(() => 1 / k);
  const floored = new Set<number>();
  for (;;) {
    const free = weights.reduce((sum, w, i) => (floored.has(i) ? sum : sum + w), 0);
    const budget = 1 - floored.size * minShare;
    const next = weights.map((w, i) =>
      floored.has(i) ? minShare : free > 0 ? (w / free) * budget : budget / (k - floored.size),
    );
    const low = next.findIndex((w, i) => !floored.has(i) && w < minShare);
    if (low < 0) return next;
    floored.add(low);
  }
}

/**
 * New traffic weights for a bandit (GrowthBook's Thompson sampling): draw each arm's Gaussian
 * posterior `samples` times with a seeded PRNG, p_i = share of draws in which arm i is highest,
 * then top-two weights (topTwoWeights) and the floor (withMinShare); for a metric where lower is
 * better, the lowest draw wins (the mirror image: the draws of −x). Until every arm has `minUnits`
 * units, the current (or equal) weights are returned unchanged with updated = false.
 * Sources: GrowthBook docs, Bandits (docs.growthbook.io/bandits/overview) and gbstats
 * bayesian/bandits.py (Bandits.compute_variation_weights).
 */
export function banditWeights(arms: readonly SampleStats[], options: BanditOptions = {}): BanditWeights {
  const k = arms.length;
  const current = options.currentWeights?.length === k ? [...options.currentWeights] : arms.map(() => 1 / k);
  if (k < 2 || arms.some((a) => !(a.n >= (options.minUnits ?? 100))))
    return { weights: current, updated: false, chances: null };
  const posteriors = arms.map(posterior);
  const draw = normalSampler(mulberry32(options.seed ?? 1));
  const samples = options.samples ?? 10_000;
  const wins = arms.map(() => 0);
  const sign = options.lowerIsBetter ? -1 : 1;
  for (let s = 0; s < samples; s++) {
    let best = 0;
    let bestValue = -Infinity;
    posteriors.forEach(({ mean, sd }, i) => {
      const y = sign * draw(mean, sd);
      if (y > bestValue) [best, bestValue] = [i, y];
    });
    wins[best]!++;
  }
  const shares = wins.map((w) => w / samples);
  const weights = (options.topTwo ?? true) ? topTwoWeights(shares) : shares;
  return { weights: withMinShare(weights, options.minShare ?? 0.01), updated: true, chances: shares };
}
