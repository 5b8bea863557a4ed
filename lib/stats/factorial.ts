import tcdf from "@stdlib/stats-base-dists-t-cdf";
import tquantile from "@stdlib/stats-base-dists-t-quantile";
import type { Comparison, SampleStats } from "./types";

/** One cell of a full factorial: its level index per factor (0 = the first, reference level) and its sufficient statistics. */
export type FactorialCell = { levels: readonly number[]; stats: SampleStats };

/** A main effect (one factor) or a two-way interaction (two factors), each at a level against level 0. */
export type FactorialEffect = Comparison & {
  factors: number[];
  levels: number[];
  pValue: number;
  /** Welch–Satterthwaite degrees of freedom of the contrast. */
  degreesOfFreedom: number;
};

export type FactorialResult = { mainEffects: FactorialEffect[]; interactions: FactorialEffect[] };

type Cell = { levels: readonly number[]; mean: number; varianceOfMean: number; n: number };

/**
 * Linear contrast L = Σ c·ȳ_c of cell means with Var L = Σ c²·s²_c/n_c (cells independent, each its
 * own variance), Welch–Satterthwaite df = (Σ c²s²/n)² / Σ (c²s²/n)²/(n − 1), Student-t interval and p.
 */
function contrast(cells: Cell[], weight: (levels: readonly number[]) => number, alpha: number) {
  let effect = 0;
  let variance = 0;
  let dfDenominator = 0;
  for (const cell of cells) {
    const c = weight(cell.levels);
    if (c === 0) continue;
    const v = c * c * cell.varianceOfMean;
    effect += c * cell.mean;
    variance += v;
    dfDenominator += (v * v) / (cell.n - 1);
  }
  const standardError = Math.sqrt(variance);
  const df = (variance * variance) / dfDenominator;
  const half = tquantile(1 - alpha / 2, df) * standardError;
  const pValue = 2 * (1 - tcdf(Math.abs(effect) / standardError, df));
  return { effect, standardError, interval: [effect - half, effect + half] as [number, number], pValue, df };
}

/**
 * Effects of a full factorial from per-cell sufficient statistics. Under the saturated cell-means
 * model y = μ_cell + ε, ε ~ (0, σ²_cell), weighted least squares returns the cell means, so each
 * regression effect is a contrast of them:
 *   main effect of factor f at level l = mean over the other factors' level combinations of (μ[f=l] − μ[f=0]);
 *   interaction of f, g at levels (l, m) = mean over the rest of (μ_lm − μ_l0 − μ_0m + μ_00).
 * For a 2×2 these are ½[(μ₁₀ − μ₀₀) + (μ₁₁ − μ₀₁)] and μ₁₁ − μ₁₀ − μ₀₁ + μ₀₀. Variance Σ c²s²_c/n_c
 * with the n − 1 sample variance per cell. Sources: Montgomery, Design and Analysis of Experiments
 * (9th ed., 2017), ch. 5–6 (factorial effects as contrasts of cell means); Kutner, Nachtsheim, Neter &
 * Li, Applied Linear Statistical Models (5th ed., 2005), ch. 16–19 and 23 (cell-means model,
 * contrasts with unequal variances). Null unless every level combination appears once with n ≥ 2
 * and positive variance, every factor has ≥ 2 levels, and α is in (0, 1).
 */
export function factorialEffects(
  cells: readonly FactorialCell[],
  options: { alpha?: number } = {},
): FactorialResult | null {
  const alpha = options.alpha ?? 0.05;
  const k = cells[0]?.levels.length ?? 0;
  if (k === 0 || !(alpha > 0 && alpha < 1)) return null;
  const sizes = Array.from({ length: k }, (_, f) => 1 + Math.max(...cells.map((c) => c.levels[f] ?? -1)));
  const total = sizes.reduce((a, b) => a * b, 1);
  const seen = new Set<string>();
  const prepared: Cell[] = [];
  for (const { levels, stats } of cells) {
    const key = levels.join(",");
    if (levels.length !== k || levels.some((l) => !Number.isInteger(l) || l < 0) || seen.has(key)) return null;
    seen.add(key);
    const mean = stats.sum / stats.n;
    const variance = (stats.sumSquares - stats.sum * mean) / (stats.n - 1);
    if (!(stats.n >= 2) || !(variance > 0)) return null;
    prepared.push({ levels, mean, varianceOfMean: variance / stats.n, n: stats.n });
  }
  if (seen.size !== total || sizes.some((s) => s < 2)) return null;
  const sign = (level: number | undefined, at: number) => (level === at ? 1 : level === 0 ? -1 : 0);
  const effect = (factors: number[], levels: number[], weight: (l: readonly number[]) => number) => {
    const r = contrast(prepared, weight, alpha);
    const { df, ...rest } = r;
    return { factors, levels, ...rest, degreesOfFreedom: df };
  };
  const mainEffects: FactorialEffect[] = [];
  const interactions: FactorialEffect[] = [];
  for (let f = 0; f < k; f++) {
    const others = total / sizes[f]!;
    for (let l = 1; l < sizes[f]!; l++) {
      mainEffects.push(effect([f], [l], (ls) => sign(ls[f], l) / others));
    }
    for (let g = f + 1; g < k; g++) {
      const rest = total / (sizes[f]! * sizes[g]!);
      for (let l = 1; l < sizes[f]!; l++) {
        for (let m = 1; m < sizes[g]!; m++) {
          interactions.push(effect([f, g], [l, m], (ls) => (sign(ls[f], l) * sign(ls[g], m)) / rest));
        }
      }
    }
  }
  return { mainEffects, interactions };
}
