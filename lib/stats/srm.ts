import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";

/**
 * Sample ratio mismatch: whether the units that arrived in each arm fit the configured traffic
 * split. Pearson's chi-square goodness-of-fit test, as GrowthBook's checkSrm
 * (packages/back-end/src/util/stats.ts; gbstats utils.check_srm is the same test).
 */

/** Below this p-value the split is flagged, as GrowthBook does by default. */
export const SRM_THRESHOLD = 0.001;

/**
 * p-value of χ² = Σ (oᵢ − eᵢ)² / eᵢ with eᵢ = wᵢ/Σw · Σo over the arms with a positive weight,
 * on (that number of arms − 1) degrees of freedom: p = 1 − F_χ²(χ²; k − 1). As in GrowthBook's
 * checkSrm, an arm with weight 0 is left out entirely (its units are not expected elsewhere), and
 * weights need not sum to 1 (34/33/33 works). Null when it cannot be computed: lengths that differ,
 * a count or weight that is negative or not finite, fewer than two arms with positive weight, or
 * no units in them.
 */
export function srmPValue(counts: readonly number[], weights: readonly number[]): number | null {
  if (counts.length !== weights.length) return null;
  if (![...counts, ...weights].every((x) => Number.isFinite(x) && x >= 0)) return null;
  const arms = counts.flatMap((observed, i) => {
    const weight = weights[i] ?? 0;
    return weight > 0 ? [{ observed, weight }] : [];
  });
  const total = arms.reduce((s, arm) => s + arm.observed, 0);
  const totalWeight = arms.reduce((s, arm) => s + arm.weight, 0);
  if (arms.length < 2 || !(total > 0)) return null;
  let chiSquare = 0;
  for (const { observed, weight } of arms) {
    const expected = (weight / totalWeight) * total;
    chiSquare += (observed - expected) ** 2 / expected;
  }
  return Math.min(1, Math.max(0, 1 - chisquareCdf(chiSquare, arms.length - 1)));
}

/** Whether the split is a mismatch: srmPValue < threshold (default 0.001); false when it cannot be computed. */
export function srmFlag(counts: readonly number[], weights: readonly number[], threshold = SRM_THRESHOLD): boolean {
  const p = srmPValue(counts, weights);
  return p !== null && p < threshold;
}
