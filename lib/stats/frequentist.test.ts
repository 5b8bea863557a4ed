import { describe, expect, it } from "vitest";
import { proportionTest, welchTTest, type FrequentistResult } from "./frequentist";
import type { Uncomputable } from "./moments";
import type { SampleStats } from "./types";

const A: SampleStats = { sum: 1396.87, sumSquares: 52377.9767, n: 3407 };
const B: SampleStats = { sum: 2422.7, sumSquares: 134698.29, n: 3461 };

function computed(r: FrequentistResult | Uncomputable): FrequentistResult {
  if (!r.computable) throw new Error(`not computable: ${r.reason}`);
  return r;
}

// Reference values: GrowthBook gbstats unit tests, packages/stats/tests/frequentist/test_tests.py
// (TestTwoSidedTTest: test_two_sided_ttest, test_two_sided_ttest_absolute, test_two_sided_ttest_binom).
describe("welchTTest (GrowthBook gbstats unit tests, packages/stats/tests/frequentist/test_tests.py)", () => {
  it("relative lift: t quantile with Welch df on the delta-method SE", () => {
    const r = computed(welchTTest(A, B));
    expect(r.effect).toBeCloseTo(0.70732, 4);
    expect(r.standardError).toBeCloseTo(0.37879, 4);
    expect(r.interval[0]).toBeCloseTo(-0.03526, 4);
    expect(r.interval[1]).toBeCloseTo(1.44989, 4);
    expect(r.pValue).toBeCloseTo(0.06191, 4);
  });

  it("absolute lift", () => {
    const r = computed(welchTTest(A, B, { difference: "absolute" }));
    expect(r.effect).toBeCloseTo(0.29, 4);
    expect(r.standardError).toBeCloseTo(0.12478, 4);
    expect(r.interval[0]).toBeCloseTo(0.04538, 4);
    expect(r.interval[1]).toBeCloseTo(0.53462, 4);
    expect(r.pValue).toBeCloseTo(0.02016, 4);
  });

  it("proportions 14/28 vs 16/30, relative", () => {
    const r = computed(proportionTest({ n: 28, conversions: 14 }, { n: 30, conversions: 16 }));
    expect(r.effect).toBeCloseTo(0.06667, 4);
    expect(r.standardError).toBeCloseTo(0.2717, 4);
    expect(r.interval[0]).toBeCloseTo(-0.47767, 4);
    expect(r.interval[1]).toBeCloseTo(0.61101, 4);
    expect(r.pValue).toBeCloseTo(0.80707, 4);
    // The same arms as SampleStats (Σx² = Σx) are detected as conversions.
    const detected = computed(welchTTest({ n: 28, sum: 14, sumSquares: 14 }, { n: 30, sum: 16, sumSquares: 16 }));
    expect(detected.pValue).toBeCloseTo(r.pValue, 10);
  });
});

describe("welchTTest properties", () => {
  it("a wider interval at a smaller alpha, the same p-value", () => {
    const r05 = computed(welchTTest(A, B));
    const r01 = computed(welchTTest(A, B, { alpha: 0.01 }));
    expect(r01.interval[0]).toBeLessThan(r05.interval[0]);
    expect(r01.interval[1]).toBeGreaterThan(r05.interval[1]);
    expect(r01.pValue).toBeCloseTo(r05.pValue, 12);
    expect(r01.alpha).toBe(0.01);
  });

  it("identical arms: effect 0, p-value 1", () => {
    const r = computed(welchTTest(A, A));
    expect(r.effect).toBe(0);
    expect(r.pValue).toBeCloseTo(1, 12);
  });
});

describe("welchTTest edge cases: a reason, never NaN or a throw", () => {
  it("zero units", () => {
    expect(welchTTest({ n: 0, sum: 0, sumSquares: 0 }, B)).toEqual({ computable: false, reason: "no_units" });
    expect(welchTTest(A, { n: 0, sum: 0, sumSquares: 0 })).toEqual({ computable: false, reason: "no_units" });
  });

  it("one unit or zero variance", () => {
    expect(welchTTest({ n: 1, sum: 2, sumSquares: 4 }, B)).toEqual({ computable: false, reason: "zero_variance" });
    expect(welchTTest({ n: 10, sum: 20, sumSquares: 40 }, B)).toEqual({ computable: false, reason: "zero_variance" });
    expect(proportionTest({ n: 10, conversions: 0 }, { n: 10, conversions: 3 })).toEqual({
      computable: false,
      reason: "zero_variance",
    });
  });

  it("control mean 0 refuses a relative lift but not an absolute one", () => {
    const zeroMean: SampleStats = { n: 4, sum: 0, sumSquares: 8 };
    expect(welchTTest(zeroMean, B)).toEqual({ computable: false, reason: "baseline_zero" });
    const abs = computed(welchTTest(zeroMean, B, { difference: "absolute" }));
    expect(Number.isFinite(abs.pValue)).toBe(true);
  });
});
