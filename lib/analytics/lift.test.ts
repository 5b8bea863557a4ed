import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/stats/random";
import { personalizationLift, type LiftGroup } from "./lift";

/** A seeded group: n visitors who each buy with probability p, an order worth 40 to 160. */
function group(seed: number, n: number, p: number): LiftGroup {
  const rng = mulberry32(seed);
  let buyers = 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    if (rng() >= p) continue;
    buyers++;
    const revenue = 40 + 120 * rng();
    sum += revenue;
    squares += revenue * revenue;
  }
  return { units: n, buyers, revenue: { n, sum, sumSquares: squares } };
}

describe("personalization's lift over the holdout", () => {
  it("finds a true +20 % on conversions and revenue per visitor: the intervals cover it and exclude 0", () => {
    const r = personalizationLift({
      holdoutShare: 0.1,
      holdout: group(1, 20_000, 0.05),
      personalized: group(2, 180_000, 0.06),
      mixed: 3,
    });
    for (const f of [r.conversionRate, r.revenuePerVisitor]) {
      expect(f.lift!.interval[0]).toBeGreaterThan(0);
      expect(f.lift!.interval[0]).toBeLessThan(0.2);
      expect(f.lift!.interval[1]).toBeGreaterThan(0.2);
      expect(f.lift!.significant).toBe(true);
    }
    expect(r.conversionRate.holdout).toBeCloseTo(0.05, 2);
    expect(r.mixed).toBe(3);
  });

  it("gives the gbstats reference result on the same counts (14/28 vs 16/30: +6.67 %, p 0.80707)", () => {
    // gbstats frequentist tests, proportions, relative (the reference values issue 16 names)
    const r = personalizationLift({
      holdoutShare: 0.05,
      holdout: { units: 28, buyers: 14, revenue: { n: 28, sum: 0, sumSquares: 0 } },
      personalized: { units: 30, buyers: 16, revenue: { n: 30, sum: 0, sumSquares: 0 } },
      mixed: 0,
    });
    expect(r.conversionRate.lift!.effect).toBeCloseTo(0.06667, 4);
    expect(r.conversionRate.lift!.interval[0]).toBeCloseTo(-0.47767, 4);
    expect(r.conversionRate.lift!.interval[1]).toBeCloseTo(0.61101, 4);
    expect(r.conversionRate.lift!.pValue).toBeCloseTo(0.80707, 4);
    // no revenue at all: nothing to compare, and it says why
    expect(r.revenuePerVisitor).toMatchObject({ lift: null, reason: expect.any(String) });
  });

  it("gives no lift without a holdout", () => {
    const r = personalizationLift({
      holdoutShare: 0,
      holdout: { units: 0, buyers: 0, revenue: { n: 0, sum: 0, sumSquares: 0 } },
      personalized: group(3, 1000, 0.05),
      mixed: 0,
    });
    expect(r.conversionRate).toMatchObject({ holdout: null, lift: null });
  });
});
