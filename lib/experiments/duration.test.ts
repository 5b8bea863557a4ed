import { describe, expect, it } from "vitest";
import { estimatedDays, unitsPerArm } from "./duration";

describe("unitsPerArm", () => {
  // Reference: Evan Miller's sample size calculator (https://www.evanmiller.org/ab-testing/sample-size.html),
  // two-sided α = 0.05, power 80 %: baseline 5 %, minimum detectable effect 0.5 points absolute (10 % relative)
  // → 31,234 per variation.
  it("matches Evan Miller's calculator", () => {
    expect(unitsPerArm(0.05, 0.1)).toBe(31_234);
  });

  // Kohavi, Tang & Xu, Trustworthy Online Controlled Experiments (2020), ch. 17: n ≈ 16·σ²/δ² per variant
  // (α = 0.05, 80 % power), σ² = p(1−p) — an approximation, so agreement within a few percent.
  it("agrees with Kohavi's rule of thumb", () => {
    for (const [p, mde] of [
      [0.05, 0.1],
      [0.2, 0.05],
      [0.01, 0.2],
    ] as const) {
      const thumb = (16 * p * (1 - p)) / (p * mde) ** 2;
      expect(Math.abs(unitsPerArm(p, mde)! / thumb - 1)).toBeLessThan(0.1);
    }
  });

  it("refuses rates and lifts that cannot give a size", () => {
    expect(unitsPerArm(0, 0.1)).toBeNull();
    expect(unitsPerArm(0.6, 1)).toBeNull();
    expect(unitsPerArm(0.1, 0)).toBeNull();
  });
});

describe("estimatedDays", () => {
  it("divides what all arms need by what a day enrolls", () => {
    expect(estimatedDays({ baseline: 0.05, mde: 0.1, arms: 2, dailyVisitors: 1_000, coverage: 0.5 })).toBe(125);
    expect(estimatedDays({ baseline: 0.05, mde: 0.1, arms: 2, dailyVisitors: 0, coverage: 1 })).toBeNull();
  });
});
