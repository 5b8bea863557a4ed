import { bernoulli, mulberry32, normalSampler, type Rng } from "@/lib/stats/random";
import type { ArmBucketSums, MetricSums } from "../sums";

/** One simulated unit: its metric value, covariate, ratio denominator and day of first exposure. */
export type SimUnit = { value: number; covariate?: number; denominator?: number; day: string };

/** The sums the SQL would return for these units of one variation (tests only: the real ones never leave Postgres). */
export function sumsOf(variationId: string, units: readonly SimUnit[]): ArmBucketSums[] {
  const byDay = new Map<string, ArmBucketSums>();
  for (const u of units) {
    let row = byDay.get(u.day);
    if (!row) {
      row = {
        variationId,
        bucket: u.day,
        n: 0,
        sum: 0,
        sumSquares: 0,
        covariateSum: 0,
        covariateSumSquares: 0,
        covariateCross: 0,
        denominatorSum: 0,
        denominatorSumSquares: 0,
        denominatorCross: 0,
      };
      byDay.set(u.day, row);
    }
    const x = u.covariate ?? 0;
    const d = u.denominator ?? 0;
    row.n += 1;
    row.sum += u.value;
    row.sumSquares += u.value * u.value;
    row.covariateSum += x;
    row.covariateSumSquares += x * x;
    row.covariateCross += u.value * x;
    row.denominatorSum += d;
    row.denominatorSumSquares += d * d;
    row.denominatorCross += u.value * d;
  }
  return [...byDay.values()];
}

/** A metric's sums from simulated arms (variation id → units). */
export function metricSumsOf(arms: Record<string, readonly SimUnit[]>): MetricSums {
  return { rows: Object.entries(arms).flatMap(([id, units]) => sumsOf(id, units)), multipleExposures: 0, cap: null };
}

const DAYS = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`);

/** n units converting with probability p, spread over 14 days of first exposure. */
export function conversions(rng: Rng, n: number, p: number): SimUnit[] {
  return Array.from({ length: n }, (_, i) => ({ value: bernoulli(rng, p), day: DAYS[i % DAYS.length]! }));
}

/**
 * n units whose value is normal (mean, sd) and whose pre-exposure covariate correlates with it by ρ
 * (same sd, its own mean: the pre-period is before any arm acts, so every arm shares it):
 * value = mean + sd(ρz₁ + √(1 − ρ²)z₂), covariate = covariateMean + sd·z₁.
 */
export function correlated(
  rng: Rng,
  n: number,
  mean: number,
  sd: number,
  rho: number,
  covariateMean: number,
): SimUnit[] {
  const z = normalSampler(rng);
  return Array.from({ length: n }, (_, i) => {
    const z1 = z();
    const z2 = z();
    return {
      value: mean + sd * (rho * z1 + Math.sqrt(1 - rho * rho) * z2),
      covariate: covariateMean + sd * z1,
      day: DAYS[i % DAYS.length]!,
    };
  });
}

export { mulberry32 };
