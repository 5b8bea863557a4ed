import { describe, expect, it } from "vitest";
import { cupedTest, cupedTheta, type CupedResult } from "./cuped";
import { welchTTest } from "./frequentist";
import type { Uncomputable } from "./moments";
import type { CupedStats } from "./types";

// gbstats RA_STATISTICS_DF: variation "zero" is the control.
const control: CupedStats = {
  n: 3001,
  metric: { sum: 300, sumSquares: 600 },
  covariate: { sum: 210, sumSquares: 415 },
  crossProduct: -20,
};
const treatment: CupedStats = {
  n: 3000,
  metric: { sum: 222, sumSquares: 555 },
  covariate: { sum: 120, sumSquares: 405 },
  crossProduct: -10,
};

function computed(r: CupedResult | Uncomputable): CupedResult {
  if (!r.computable) throw new Error(`not computable: ${r.reason}`);
  return r;
}

// Reference values: GrowthBook gbstats unit tests, packages/stats/tests/test_gbstats.py
// (TestAnalyzeMetricDfRegressionAdjustment.test_analyze_metric_df_ra: v1_expected −0.281707154,
// v1_p_value 0.003732549, the value of the current relative delta method; an earlier version of that
// test asserted 0.003736297; both are 0.003733 to 1e-5).
describe("cupedTest (GrowthBook gbstats unit tests, packages/stats/tests/test_gbstats.py)", () => {
  it("pooled θ, relative lift and p-value", () => {
    expect(cupedTheta(control, treatment)).toBeCloseTo(-0.07321, 4);
    const r = computed(cupedTest(control, treatment));
    expect(r.theta).toBeCloseTo(-0.07321, 4);
    expect(r.effect).toBeCloseTo(-0.281707154, 6);
    expect(r.pValue).toBeCloseTo(0.003733, 4);
    expect(Math.abs(r.pValue - 0.003732549)).toBeLessThan(1e-6);
  });
});

describe("cupedTest properties", () => {
  it("a covariate that predicts the metric narrows the interval", () => {
    // Y = X + noise in both arms: Σxy ≈ Σx², so θ ≈ 1.
    const arm = (n: number, sumY: number): CupedStats => ({
      n,
      metric: { sum: sumY, sumSquares: 3 * n },
      covariate: { sum: n, sumSquares: 2.8 * n },
      crossProduct: 2.8 * n,
    });
    const a = arm(1000, 1000);
    const b = arm(1000, 1050);
    const adjusted = computed(cupedTest(a, b, { difference: "absolute" }));
    const plain = welchTTest({ n: a.n, ...a.metric }, { n: b.n, ...b.metric }, { difference: "absolute" });
    if (!plain.computable) throw new Error("plain test not computable");
    expect(adjusted.theta).toBeGreaterThan(0.8);
    expect(adjusted.standardError).toBeLessThan(plain.standardError / 2);
    expect(adjusted.effect).toBeCloseTo(plain.effect, 10); // the covariate means are equal
  });

  it("a constant covariate gives θ = 0 and the unadjusted test", () => {
    const flat = (s: CupedStats): CupedStats => ({
      ...s,
      covariate: { sum: s.n, sumSquares: s.n },
      crossProduct: s.metric.sum,
    });
    const r = computed(cupedTest(flat(control), flat(treatment)));
    const plain = welchTTest({ n: 3001, ...control.metric }, { n: 3000, ...treatment.metric });
    if (!plain.computable) throw new Error("plain test not computable");
    expect(r.theta).toBe(0);
    expect(r.pValue).toBeCloseTo(plain.pValue, 12);
  });
});

describe("cupedTest edge cases", () => {
  it("zero units, zero variance, control mean 0", () => {
    const empty: CupedStats = {
      n: 0,
      metric: { sum: 0, sumSquares: 0 },
      covariate: { sum: 0, sumSquares: 0 },
      crossProduct: 0,
    };
    expect(cupedTest(empty, treatment)).toEqual({ computable: false, reason: "no_units" });
    expect(cupedTheta(empty, empty)).toBe(0);
    // Every control unit has Y = 2.
    expect(cupedTest({ ...control, metric: { sum: 6002, sumSquares: 12004 } }, treatment)).toEqual({
      computable: false,
      reason: "zero_variance",
    });
    expect(cupedTest({ ...control, metric: { sum: 0, sumSquares: 600 } }, treatment)).toEqual({
      computable: false,
      reason: "baseline_zero",
    });
  });
});
