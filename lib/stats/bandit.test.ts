import { describe, expect, it } from "vitest";
import { banditWeights, topTwoWeights, withMinShare } from "./bandit";

/** An arm of n units with the given mean and SD, as sufficient statistics. */
function arm(n: number, mean: number, sd: number) {
  return { n, sum: n * mean, sumSquares: (n - 1) * sd * sd + n * mean * mean };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("banditWeights", () => {
  const arms = [arm(1000, 10, 2), arm(1000, 10, 2), arm(1000, 11, 2), arm(1000, 10.05, 2)];

  it("sends the most traffic to a clearly better arm", () => {
    const plain = banditWeights(arms, { topTwo: false });
    expect(plain.updated).toBe(true);
    expect(plain.weights[2]).toBeGreaterThan(0.95);
    // Top-two plays the leader half the time and a challenger the other half.
    const topTwo = banditWeights(arms);
    expect(topTwo.weights[2]).toBeCloseTo(0.5, 2);
    expect(Math.max(...topTwo.weights)).toBe(topTwo.weights[2]);
    for (const r of [plain, topTwo]) expect(sum(r.weights)).toBeCloseTo(1, 12);
  });

  it("sends the most traffic to the lowest arm when lower is better", () => {
    const refunds = [arm(1000, 10, 2), arm(1000, 9, 2), arm(1000, 10, 2), arm(1000, 10.05, 2)];
    const plain = banditWeights(refunds, { topTwo: false, lowerIsBetter: true });
    expect(plain.weights[1]).toBeGreaterThan(0.95);
    expect(plain.chances![1]).toBeGreaterThan(0.99);
    // the same arms where higher is better: the low arm gets no more than the floor
    expect(banditWeights(refunds, { topTwo: false }).weights[1]).toBeCloseTo(0.01, 12);
  });

  it("keeps the weights until every arm has 100 units", () => {
    const young = [arm(500, 10, 2), arm(99, 12, 2), arm(500, 10, 2)];
    expect(banditWeights(young)).toEqual({ weights: [1 / 3, 1 / 3, 1 / 3], updated: false, chances: null });
    expect(banditWeights(young, { currentWeights: [0.5, 0.25, 0.25] })).toEqual({
      weights: [0.5, 0.25, 0.25],
      updated: false,
      chances: null,
    });
  });

  it("honors the minimum share", () => {
    const r = banditWeights(arms, { topTwo: false });
    expect(Math.min(...r.weights)).toBeCloseTo(0.01, 12);
    const five = banditWeights(arms, { topTwo: false, minShare: 0.05 });
    expect(Math.min(...five.weights)).toBeCloseTo(0.05, 12);
    expect(sum(five.weights)).toBeCloseTo(1, 12);
  });

  it("is deterministic for a seed", () => {
    const close = [arm(200, 10, 3), arm(200, 10.2, 3), arm(200, 10.1, 3)];
    expect(banditWeights(close, { seed: 7 })).toEqual(banditWeights(close, { seed: 7 }));
    expect(banditWeights(close, { seed: 7 }).weights).not.toEqual(banditWeights(close, { seed: 8 }).weights);
  });
});

describe("topTwoWeights", () => {
  // gbstats' top_two_weights formula: with p = (0.7, 0.2, 0.1),
  // w₁ = ½[0.7·0.2/0.3 + 0.2·0.7/0.8 + 0.7·0.1/0.3 + 0.1·0.7/0.9] ≈ 0.5070.
  it("computes the chance of being first or second", () => {
    const w = topTwoWeights([0.7, 0.2, 0.1]);
    expect(w[0]).toBeCloseTo(0.5 * (0.14 / 0.3 + 0.14 / 0.8 + 0.07 / 0.3 + 0.07 / 0.9), 4);
    expect(sum(w)).toBeCloseTo(1, 12);
    for (const x of topTwoWeights([0.9, 0.1])) expect(x).toBeCloseTo(0.5, 12);
  });
});

describe("withMinShare", () => {
  it("lifts small arms to the floor and rescales the rest", () => {
    const w = withMinShare([0.98, 0.015, 0.005], 0.02);
    expect(w[1]).toBeCloseTo(0.02, 12);
    expect(w[2]).toBeCloseTo(0.02, 12);
    expect(w[0]).toBeCloseTo(0.96, 12);
  });
});
