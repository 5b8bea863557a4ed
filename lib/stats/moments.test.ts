import { describe, expect, it } from "vitest";
import {
  absoluteLift,
  armMoments,
  detectKind,
  relativeLift,
  sampleCovariance,
  sampleMean,
  sampleVariance,
  uncomputableReason,
  welchDegreesOfFreedom,
} from "./moments";

// Reference values: GrowthBook's TypeScript unit tests of frequentistVariance ("delta method variance
// absolute correct" 0.53333, "delta method variance relative correct" 0.00589), whose arguments are
// (varA 2, μA 7, nA 4, varB 0.5, μB 5, nB 15); the same formulas as gbstats utils.frequentist_variance.
describe("lifts (GrowthBook unit tests of frequentistVariance)", () => {
  const a = { n: 4, mean: 7, variance: 2 };
  const b = { n: 15, mean: 5, variance: 0.5 };

  it("absolute: varA/nA + varB/nB", () => {
    expect(absoluteLift(a, b)?.effect).toBe(-2);
    expect(absoluteLift(a, b)?.variance).toBeCloseTo(0.53333, 5);
  });

  it("relative: varB/(nB·μA²) + varA·μB²/(nA·μA⁴)", () => {
    const lift = relativeLift(a, b);
    expect(lift?.effect).toBeCloseTo(-2 / 7, 12);
    expect(lift?.variance).toBeCloseTo(0.00589, 5);
    expect(lift?.variance).toBeCloseTo(0.5 / (15 * 49) + (2 * 25) / (4 * 7 ** 4), 12);
  });

  it("relative with control mean 0 is null", () => {
    expect(relativeLift({ n: 4, mean: 0, variance: 2 }, b)).toBeNull();
  });
});

// The per-arm formulas of gbstats models/statistics.py (SampleMeanStatistic, ProportionStatistic,
// compute_covariance), checked against direct computation on raw values.
describe("per-arm moments (gbstats SampleMeanStatistic, ProportionStatistic)", () => {
  const values = [1, 4, 2, 8, 5];
  const stats = { n: 5, sum: 20, sumSquares: 110 };

  it("mean and sample variance with n − 1", () => {
    expect(sampleMean(stats)).toBe(4);
    const direct = values.reduce((s, x) => s + (x - 4) ** 2, 0) / 4;
    expect(sampleVariance(stats)).toBeCloseTo(direct, 12);
  });

  it("conversions (Σx² = Σx) get p(1 − p), without n − 1", () => {
    const conversions = { n: 28, sum: 14, sumSquares: 14 };
    expect(detectKind(conversions)).toBe("proportion");
    expect(sampleVariance(conversions)).toBe(0.25);
    expect(sampleVariance(conversions, "mean")).toBeCloseTo((14 - 196 / 28) / 27, 12);
    expect(detectKind(conversions, stats)).toBe("mean");
  });

  it("covariance (Σxy − ΣxΣy/n)/(n − 1), or Σxy/n − ΣxΣy/n² for two proportions", () => {
    // x = values, y = 2x − 1
    const sumY = 2 * 20 - 5;
    const sumXY = values.reduce((s, x) => s + x * (2 * x - 1), 0);
    expect(sampleCovariance(5, 20, sumY, sumXY)).toBeCloseTo(2 * (sampleVariance(stats) ?? 0), 12);
    expect(sampleCovariance(4, 2, 2, 1, true)).toBeCloseTo(1 / 4 - 4 / 16, 12);
  });

  it("Welch–Satterthwaite df", () => {
    const a = { n: 10, mean: 1, variance: 4 };
    const b = { n: 20, mean: 2, variance: 9 };
    const sa = 0.4;
    const sb = 0.45;
    expect(welchDegreesOfFreedom(a, b)).toBeCloseTo((sa + sb) ** 2 / (sa ** 2 / 9 + sb ** 2 / 19), 12);
    // Equal variances and sizes: nA + nB − 2.
    expect(welchDegreesOfFreedom({ n: 10, mean: 0, variance: 1 }, { n: 10, mean: 0, variance: 1 })).toBeCloseTo(18, 12);
  });
});

describe("edge cases: null or a reason, never NaN", () => {
  it("no units", () => {
    const empty = { n: 0, sum: 0, sumSquares: 0 };
    expect(sampleMean(empty)).toBeNull();
    expect(sampleVariance(empty)).toBeNull();
    expect(sampleVariance(empty, "proportion")).toBeNull();
    expect(armMoments(empty)).toBeNull();
    expect(absoluteLift({ n: 0, mean: 0, variance: 0 }, { n: 3, mean: 1, variance: 1 })).toBeNull();
    expect(relativeLift({ n: 3, mean: 1, variance: 1 }, { n: 0, mean: 0, variance: 0 })).toBeNull();
    expect(uncomputableReason(armMoments(empty), { n: 3, mean: 1, variance: 1 }, true)).toBe("no_units");
  });

  it("one unit: no sample variance; the arm has variance 0 and is refused", () => {
    const one = { n: 1, sum: 3, sumSquares: 9 };
    expect(sampleVariance(one)).toBeNull();
    expect(armMoments(one)).toEqual({ n: 1, mean: 3, variance: 0 });
    expect(uncomputableReason(armMoments(one), { n: 3, mean: 1, variance: 1 }, false)).toBe("zero_variance");
    expect(sampleCovariance(1, 1, 1, 1)).toBeNull();
    expect(welchDegreesOfFreedom({ n: 1, mean: 1, variance: 1 }, { n: 5, mean: 1, variance: 1 })).toBeNull();
    expect(welchDegreesOfFreedom({ n: 5, mean: 1, variance: 0 }, { n: 5, mean: 1, variance: 0 })).toBeNull();
  });

  it("control mean 0 is refused for a relative lift only", () => {
    const zero = { n: 3, mean: 0, variance: 1 };
    const other = { n: 3, mean: 1, variance: 1 };
    expect(uncomputableReason(zero, other, true)).toBe("baseline_zero");
    expect(uncomputableReason(zero, other, false)).toBeNull();
  });
});
