import { describe, expect, it } from "vitest";
import { benjaminiHochberg, holmBonferroni } from "./corrections";

function expectAllClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 8));
}

// Reference values: GrowthBook back-end unit tests, packages/back-end/test ("pvalue correction
// method": adjustPValuesHolmBonferroni and adjustPValuesBenjaminiHochberg; their results come sorted
// with the input index, here they are put back in input order).
describe("corrections (GrowthBook back-end unit tests, 'pvalue correction method')", () => {
  it("Holm–Bonferroni", () => {
    expectAllClose(holmBonferroni([0.01, 0.04, 0.03, 0.005, 0.55, 0.6]), [0.05, 0.12, 0.12, 0.03, 1, 1]);
  });

  it("Benjamini–Hochberg", () => {
    expectAllClose(
      benjaminiHochberg([0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138]),
      [0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415],
    );
  });
});

describe("corrections properties", () => {
  const random = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  it("adjusted ≥ raw, ≤ 1, and monotone in the raw p-value", () => {
    const next = random(7);
    for (let run = 0; run < 50; run++) {
      const p = Array.from({ length: 1 + Math.floor(next() * 12) }, () => next() ** 3);
      for (const adjust of [holmBonferroni, benjaminiHochberg]) {
        const adjusted = adjust(p);
        p.forEach((raw, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          p.forEach((other, j) => {
            if (raw < other) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j] ?? 0);
          });
        });
      }
    }
  });

  it("Holm is never below BH", () => {
    const p = [0.001, 0.01, 0.02, 0.04, 0.2];
    const holm = holmBonferroni(p);
    benjaminiHochberg(p).forEach((bh, i) => expect(holm[i]).toBeGreaterThanOrEqual(bh));
  });

  it("one p-value is unchanged; none gives none", () => {
    expect(holmBonferroni([0.03])).toEqual([0.03]);
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
    expect(holmBonferroni([])).toEqual([]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it("NaN counts as 1 and out-of-range values are clamped, no NaN out", () => {
    expect(holmBonferroni([Number.NaN, 0.01])).toEqual([1, 0.02]);
    expect(benjaminiHochberg([Number.NaN, 0.01, 1.5])).toEqual([1, 0.03, 1]);
  });
});
