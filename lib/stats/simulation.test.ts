import { describe, expect, it } from "vitest";
import { welchTTest, type FrequentistOptions } from "./frequentist";
import { powerAt, sampleSizePerArm, type PowerMetric } from "./power";
import { bernoulli, mulberry32, normalSampler, type Rng } from "./random";
import type { SampleStats } from "./types";

// Seeded Monte-Carlo checks of the fixed-horizon Welch test (frequentist.ts, relative lift by
// default) and of the power that power.ts promises for it (its refined "relative" formula; gbstats'
// first-order one is about 0.02 off at these sizes). Each rate is compared to its target within 3
// Monte-Carlo standard errors √(p(1 − p)/replications).

const REPLICATIONS = 2_000;
const mcError = (p: number) => Math.sqrt((p * (1 - p)) / REPLICATIONS);

function normalArm(draw: (m: number, s: number) => number, n: number, mean: number, sd: number): SampleStats {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw(mean, sd);
    sum += x;
    sumSquares += x * x;
  }
  return { n, sum, sumSquares };
}

function bernoulliArm(rng: Rng, n: number, p: number): SampleStats {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += bernoulli(rng, p);
  return { n, sum, sumSquares: sum };
}

/** Share of replications in which Welch's test rejects at α = 0.05. */
function rejectionRate(experiment: () => [SampleStats, SampleStats], options: FrequentistOptions = {}): number {
  let rejections = 0;
  for (let r = 0; r < REPLICATIONS; r++) {
    const [a, b] = experiment();
    const result = welchTTest(a, b, options);
    if (!result.computable) throw new Error(`uncomputable: ${result.reason}`);
    if (result.pValue < 0.05) rejections++;
  }
  return rejections / REPLICATIONS;
}

describe("A/A experiments: the false-positive rate is α", () => {
  it("holds for normally distributed metrics", () => {
    const draw = normalSampler(mulberry32(20_240_101));
    const rate = rejectionRate(() => [normalArm(draw, 200, 10, 3), normalArm(draw, 200, 10, 3)]);
    expect(Math.abs(rate - 0.05)).toBeLessThan(3 * mcError(0.05));
  });

  // With 20,000 replications the relative (delta-method) test rejects 5.4 % of A/A conversions at
  // n = 500 and 2,000 and the absolute one 4.8 %: both within this test's tolerance.
  it.each(["relative", "absolute"] as const)("holds for conversions (%s difference)", (difference) => {
    const rng = mulberry32(20_240_102);
    const rate = rejectionRate(() => [bernoulliArm(rng, 500, 0.1), bernoulliArm(rng, 500, 0.1)], { difference });
    expect(Math.abs(rate - 0.05)).toBeLessThan(3 * mcError(0.05));
  });
});

describe("A/B experiments with a true 10 % lift: detected at the power power.ts promises", () => {
  it("holds for a normally distributed metric at the sample size for 80 % power", () => {
    const metric: PowerMetric = { kind: "mean", mean: 10, variance: 25 };
    const n = sampleSizePerArm(metric, 0.1)!;
    const promised = powerAt(metric, 0.1, n)!;
    const draw = normalSampler(mulberry32(20_240_103));
    const rate = rejectionRate(() => [normalArm(draw, n, 10, 5), normalArm(draw, n, 11, 5)]);
    expect(Math.abs(rate - promised)).toBeLessThan(3 * mcError(promised));
  });

  it("holds for conversions below the sample size for 80 % power", () => {
    const metric: PowerMetric = { kind: "proportion", rate: 0.3 };
    const n = 1_000;
    const promised = powerAt(metric, 0.1, n)!;
    expect(promised).toBeGreaterThan(0.2);
    const rng = mulberry32(20_240_104);
    const rate = rejectionRate(() => [bernoulliArm(rng, n, 0.3), bernoulliArm(rng, n, 0.33)]);
    expect(Math.abs(rate - promised)).toBeLessThan(3 * mcError(promised));
  });
});
