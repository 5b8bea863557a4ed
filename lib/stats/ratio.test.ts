import { describe, expect, it } from "vitest";
import type { Uncomputable } from "./moments";
import type { FrequentistResult } from "./frequentist";
import { ratioMoments, ratioTest } from "./ratio";
import type { RatioStats } from "./types";

// gbstats RATIO_STATISTICS_DF: variation "zero" is the control.
const control: RatioStats = {
  n: 100,
  numerator: { sum: 270, sumSquares: 848.79 },
  denominator: { sum: 510, sumSquares: 810 },
  crossProduct: -900,
};
const treatment: RatioStats = {
  n: 120,
  numerator: { sum: 300, sumSquares: 869 },
  denominator: { sum: 500, sumSquares: 800 },
  crossProduct: -905,
};

function computed(r: FrequentistResult | Uncomputable): FrequentistResult {
  if (!r.computable) throw new Error(`not computable: ${r.reason}`);
  return r;
}

// Reference values: GrowthBook gbstats unit tests, packages/stats/tests/test_gbstats.py
// (test_get_metric_df_frequentist_ratio: baseline_cr 0.529411765, v1_cr 0.6,
// v1_expected 0.133333333, v1_p_value 0.610663339). That fixture's denominator sums imply a
// negative sample variance (810 < 510²/100); gbstats uses it as it is, and so does ratioMoments, so
// the p-value matches only because neither clamps it.
describe("ratioTest (GrowthBook gbstats unit tests, packages/stats/tests/test_gbstats.py)", () => {
  it("means, relative lift and p-value by the delta method", () => {
    expect(ratioMoments(control)?.mean).toBeCloseTo(0.529411765, 8);
    expect(ratioMoments(treatment)?.mean).toBeCloseTo(0.6, 8);
    const r = computed(ratioTest(control, treatment));
    expect(r.effect).toBeCloseTo(0.133333333, 6);
    expect(r.pValue).toBeCloseTo(0.610663339, 4);
  });
});

describe("ratioTest edge cases", () => {
  it("a denominator summing to 0 or no units cannot be computed", () => {
    const zeroDenominator = { ...control, denominator: { sum: 0, sumSquares: 0 }, crossProduct: 0 };
    expect(ratioMoments(zeroDenominator)).toBeNull();
    expect(ratioTest(zeroDenominator, treatment)).toEqual({ computable: false, reason: "no_units" });
    const empty: RatioStats = {
      n: 0,
      numerator: { sum: 0, sumSquares: 0 },
      denominator: { sum: 0, sumSquares: 0 },
      crossProduct: 0,
    };
    expect(ratioTest(control, empty)).toEqual({ computable: false, reason: "no_units" });
  });

  it("a single unit has zero variance", () => {
    const one: RatioStats = {
      n: 1,
      numerator: { sum: 2, sumSquares: 4 },
      denominator: { sum: 3, sumSquares: 9 },
      crossProduct: 6,
    };
    expect(ratioTest(one, treatment)).toEqual({ computable: false, reason: "zero_variance" });
  });

  it("a numerator proportional to the denominator has zero variance", () => {
    // M = 2D for every unit: the ratio is exactly 2, whatever D is.
    const exact: RatioStats = {
      n: 10,
      numerator: { sum: 40, sumSquares: 200 },
      denominator: { sum: 20, sumSquares: 50 },
      crossProduct: 100,
    };
    expect(ratioMoments(exact)?.variance).toBeCloseTo(0, 10);
    expect(ratioTest(exact, treatment).computable).toBe(false);
  });
});
