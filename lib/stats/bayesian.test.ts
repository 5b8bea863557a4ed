import { describe, expect, it } from "vitest";
import { bayesianOnEstimate, bayesianTest, gaussianRisk, type BayesianResult } from "./bayesian";

function computed(result: ReturnType<typeof bayesianTest>): BayesianResult {
  if (!result.computable) throw new Error(`uncomputable: ${result.reason}`);
  return result;
}

const A = { n: 10, sum: 100, sumSquares: 1002.25 };
const B = { n: 10, sum: 105, sumSquares: 1111.5 };

// Reference values: GrowthBook gbstats unit tests, packages/stats/tests/bayesian/test_tests.py
// (TestNorm and TestBinom on EffectBayesianABTest, relative difference), given to 5 decimals there.
describe("bayesianTest — GrowthBook gbstats unit tests", () => {
  it("matches the Gaussian case (means 10 vs 10.5)", () => {
    const r = computed(bayesianTest(A, B));
    expect(r.chanceToWin).toBeCloseTo(0.91923, 4);
    expect(r.risk.control).toBeCloseTo(0.05131, 4);
    expect(r.risk.treatment).toBeCloseTo(0.00131, 4);
    expect(r.effect).toBeCloseTo(0.05, 10);
    // Posterior SD is the delta-method SE √(1/(100·10) + 0.25·10.5²/(10⁴·10)).
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.001275625), 10);
    expect(r.interval[0]).toBeCloseTo(-0.02, 4);
    expect(r.interval[1]).toBeCloseTo(0.12, 4);
  });

  it("matches the Gaussian case with an informative prior N(0.1, 0.1)", () => {
    const r = computed(bayesianTest(A, B, { prior: { mean: 0.1, variance: 0.1 } }));
    expect(r.effect).toBeCloseTo(0.05063, 4);
    expect(r.standardError).toBeCloseTo(0.03549, 4);
    expect(r.chanceToWin).toBeCloseTo(0.92315, 4);
    expect(r.risk.control).toBeCloseTo(0.05186, 4);
    expect(r.risk.treatment).toBeCloseTo(0.00123, 4);
    expect(r.interval[0]).toBeCloseTo(-0.01893, 4);
    expect(r.interval[1]).toBeCloseTo(0.12019, 4);
  });

  it("matches the binomial case (49/100 vs 51/100)", () => {
    const r = computed(bayesianTest({ n: 100, sum: 49, sumSquares: 49 }, { n: 100, sum: 51, sumSquares: 51 }));
    expect(r.chanceToWin).toBeCloseTo(0.60918, 4);
    expect(r.effect).toBeCloseTo(0.04082, 4);
    expect(r.standardError).toBeCloseTo(0.14725, 4);
    expect(r.risk.control).toBeCloseTo(0.0814, 4);
    expect(r.risk.treatment).toBeCloseTo(0.04058, 4);
    expect(r.interval[0]).toBeCloseTo(-0.24779, 4);
    expect(r.interval[1]).toBeCloseTo(0.32943, 4);
  });
});

describe("bayesianTest", () => {
  it("gives a credible interval of the posterior normal", () => {
    const r = computed(bayesianTest(A, B, { alpha: 0.1 }));
    expect(r.interval[0]).toBeCloseTo(r.effect - 1.6448536 * r.standardError, 6);
    expect(r.interval[1]).toBeCloseTo(r.effect + 1.6448536 * r.standardError, 6);
  });

  it("shrinks toward a proper prior by precision weighting", () => {
    const flat = computed(bayesianTest(A, B));
    const v = flat.standardError ** 2;
    const prior = { mean: 0, variance: v }; // as informative as the data: halfway, half the variance
    const r = computed(bayesianTest(A, B, { prior }));
    expect(r.effect).toBeCloseTo(flat.effect / 2, 10);
    expect(r.standardError ** 2).toBeCloseTo(v / 2, 12);
    expect(r.chanceToWin).toBeLessThan(flat.chanceToWin);
  });

  it("tests absolute differences", () => {
    const r = computed(bayesianTest(A, B, { difference: "absolute" }));
    expect(r.effect).toBeCloseTo(0.5, 10);
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.25 / 10 + 1 / 10), 10);
  });

  it("flips chance to win and risks for an inverse metric", () => {
    const up = computed(bayesianTest(A, B));
    const down = computed(bayesianTest(A, B, { inverse: true }));
    expect(down.chanceToWin).toBeCloseTo(1 - up.chanceToWin, 12);
    expect(down.risk).toEqual({ control: up.risk.treatment, treatment: up.risk.control });
  });

  it("refuses what it cannot compute", () => {
    expect(bayesianTest({ n: 0, sum: 0, sumSquares: 0 }, B)).toEqual({ computable: false, reason: "no_units" });
    expect(bayesianTest({ n: 10, sum: 0, sumSquares: 5 }, B)).toEqual({ computable: false, reason: "baseline_zero" });
    expect(bayesianTest({ n: 10, sum: 10, sumSquares: 10 }, B, { kind: "mean" })).toEqual({
      computable: false,
      reason: "zero_variance",
    });
  });
});

describe("gaussianRisk", () => {
  it("is symmetric at zero mean: both losses σ/√(2π)", () => {
    const [c, t] = gaussianRisk(0, 2);
    expect(c).toBeCloseTo(2 / Math.sqrt(2 * Math.PI), 12);
    expect(t).toBeCloseTo(c, 12);
  });
});

describe("bayesianOnEstimate", () => {
  it("on the delta-method estimate is bayesianTest (the gbstats Gaussian case)", () => {
    const meanA = A.sum / A.n;
    const meanB = B.sum / B.n;
    const varA = (A.sumSquares - A.sum ** 2 / A.n) / (A.n - 1);
    const varB = (B.sumSquares - B.sum ** 2 / B.n) / (B.n - 1);
    const lift = {
      effect: meanB / meanA - 1,
      variance: varB / (meanA ** 2 * B.n) + (varA * meanB ** 2) / meanA ** 4 / A.n,
    };
    const r = bayesianOnEstimate(lift);
    if (!r.computable) throw new Error(r.reason);
    expect(r.chanceToWin).toBeCloseTo(0.91923, 4);
    expect(r).toEqual(computed(bayesianTest(A, B)));
  });

  it("refuses an estimate without variance", () => {
    expect(bayesianOnEstimate({ effect: 0.1, variance: 0 })).toEqual({ computable: false, reason: "zero_variance" });
  });
});
