import { describe, expect, it } from "vitest";
import { welchTTest } from "./frequentist";
import type { Uncomputable } from "./moments";
import {
  sequentialOnEstimate,
  sequentialPValue,
  sequentialRho,
  sequentialTTest,
  type SequentialResult,
} from "./sequential";
import type { SampleStats } from "./types";

const A: SampleStats = { sum: 1396.87, sumSquares: 52377.9767, n: 3000 };
const B: SampleStats = { sum: 2422.7, sumSquares: 134698.29, n: 3461 };

function computed(r: SequentialResult | Uncomputable): SequentialResult {
  if (!r.computable) throw new Error(`not computable: ${r.reason}`);
  return r;
}

// Reference values: GrowthBook gbstats unit tests, packages/stats/tests/frequentist/test_tests.py
// (TestSequentialTTest.test_sequential_test_runs and test_sequential_test_tuning_as_expected).
describe("sequentialTTest (GrowthBook gbstats unit tests, packages/stats/tests/frequentist/test_tests.py)", () => {
  it("N* = 1000: effect, SE, confidence sequence and p-value", () => {
    const r = computed(sequentialTTest(A, B, { tuningParameter: 1000 }));
    expect(r.effect).toBeCloseTo(0.50336, 4);
    expect(r.standardError).toBeCloseTo(0.33341, 4);
    expect(r.interval[0]).toBeCloseTo(-0.55844, 4);
    expect(r.interval[1]).toBeCloseTo(1.56516, 4);
    expect(r.pValue).toBe(1);
  });

  it("the interval is tightest when N* is near the sample size (6461)", () => {
    const width = (tuningParameter: number) => {
      const r = computed(sequentialTTest(A, B, { tuningParameter }));
      return r.interval[1] - r.interval[0];
    };
    expect(width(6461)).toBeLessThan(width(10000));
    expect(width(10000)).toBeLessThan(width(10));
  });
});

describe("sequentialTTest properties", () => {
  it("is wider than the fixed-horizon interval", () => {
    const seq = computed(sequentialTTest(A, B));
    const fixed = welchTTest(A, B);
    if (!fixed.computable) throw new Error("fixed-horizon test not computable");
    expect(seq.interval[0]).toBeLessThan(fixed.interval[0]);
    expect(seq.interval[1]).toBeGreaterThan(fixed.interval[1]);
  });

  it("p-value falls below α exactly when the interval excludes 0", () => {
    for (const scale of [1, 2, 4, 8, 16]) {
      const big = (s: SampleStats): SampleStats => ({
        n: s.n * scale,
        sum: s.sum * scale,
        sumSquares: s.sumSquares * scale,
      });
      const r = computed(sequentialTTest(big(A), big(B)));
      expect(r.pValue < 0.05).toBe(r.interval[0] > 0 || r.interval[1] < 0);
    }
  });

  it("a huge z-score gives p = 0, not NaN", () => {
    expect(sequentialPValue(10, 1e-6, 1e6, sequentialRho(0.05, 5000))).toBe(0);
  });
});

describe("sequentialTTest edge cases", () => {
  it("zero units, zero variance, control mean 0, bad options", () => {
    const empty = { n: 0, sum: 0, sumSquares: 0 };
    expect(sequentialTTest(empty, B)).toEqual({ computable: false, reason: "no_units" });
    expect(sequentialTTest({ n: 5, sum: 5, sumSquares: 5 }, B)).toEqual({ computable: false, reason: "zero_variance" });
    expect(sequentialTTest({ n: 4, sum: 0, sumSquares: 8 }, B)).toEqual({ computable: false, reason: "baseline_zero" });
    expect(sequentialTTest(A, B, { tuningParameter: 0 })).toEqual({ computable: false, reason: "invalid_options" });
    expect(sequentialTTest(A, B, { alpha: 1.5 })).toEqual({ computable: false, reason: "invalid_options" });
  });
});

describe("sequentialOnEstimate", () => {
  it("on Welch's estimate is sequentialTTest (the gbstats reference case, N* = 1000)", () => {
    const welch = welchTTest(A, B);
    if (!welch.computable) throw new Error("welch");
    const onEstimate = computed(
      sequentialOnEstimate({ effect: welch.effect, variance: welch.standardError ** 2 }, A.n + B.n, {
        tuningParameter: 1000,
      }),
    );
    expect(onEstimate.effect).toBeCloseTo(0.50336, 4);
    expect(onEstimate.interval[0]).toBeCloseTo(-0.55844, 4);
    expect(onEstimate.interval[1]).toBeCloseTo(1.56516, 4);
    expect(onEstimate).toEqual(computed(sequentialTTest(A, B, { tuningParameter: 1000 })));
  });

  it("refuses no units, zero variance and bad options", () => {
    expect(sequentialOnEstimate({ effect: 0.1, variance: 0.01 }, 0)).toEqual({ computable: false, reason: "no_units" });
    expect(sequentialOnEstimate({ effect: 0.1, variance: 0 }, 10)).toEqual({
      computable: false,
      reason: "zero_variance",
    });
    expect(sequentialOnEstimate({ effect: 0.1, variance: 0.01 }, 10, { alpha: 2 })).toEqual({
      computable: false,
      reason: "invalid_options",
    });
  });
});
