/**
 * Multiple-comparison corrections: adjusted p-values for many metrics or variations read at once,
 * returned in the order given. Holm (1979), "A simple sequentially rejective multiple test
 * procedure"; Benjamini and Hochberg (1995), "Controlling the false discovery rate". As GrowthBook's
 * adjustPValuesHolmBonferroni and adjustPValuesBenjaminiHochberg (packages/back-end, stats utils).
 * A p-value that is NaN counts as 1 and values are clamped into [0, 1], so no NaN comes out.
 */

const clean = (p: number) => (Number.isNaN(p) ? 1 : Math.min(1, Math.max(0, p)));

/** Indices of the p-values in ascending order (stable, so ties keep their input order). */
function ascending(p: readonly number[]): number[] {
  return p.map((_, i) => i).sort((i, j) => (p[i] ?? 1) - (p[j] ?? 1) || i - j);
}

/**
 * Holm–Bonferroni, controlling the family-wise error rate: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
 * adj₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎). Monotone in the rank, capped at 1, input order.
 */
export function holmBonferroni(pValues: readonly number[]): number[] {
  const p = pValues.map(clean);
  const m = p.length;
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  ascending(p).forEach((index, rank) => {
    running = Math.max(running, (m - rank) * (p[index] ?? 1));
    adjusted[index] = Math.min(1, running);
  });
  return adjusted;
}

/**
 * Benjamini–Hochberg, controlling the false discovery rate: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
 * adj₍ᵢ₎ = min(1, min_{j ≥ i} m·p₍ⱼ₎ / j). Monotone in the rank, capped at 1, input order.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const p = pValues.map(clean);
  const m = p.length;
  const adjusted = new Array<number>(m).fill(1);
  const order = ascending(p);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank] ?? 0;
    const raw = p[index] ?? 1;
    running = Math.min(running, (m * raw) / (rank + 1));
    // m/(rank + 1) ≥ 1, so this only undoes rounding (m·p/m can land one ulp below p).
    adjusted[index] = Math.max(raw, running);
  }
  return adjusted;
}
