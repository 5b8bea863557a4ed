import { describe, expect, it } from "vitest";
import { srmFlag, srmPValue } from "./srm";

// Reference values: GrowthBook back-end unit tests, packages/back-end/test/stats.test.ts
// ("calculates SRM correctly", checkSrm to 9 decimals).
describe("srmPValue (GrowthBook back-end unit tests, packages/back-end/test/stats.test.ts)", () => {
  it("two arms at 50/50", () => {
    const p = srmPValue([1000, 1200], [0.5, 0.5]);
    expect(p).not.toBeNull();
    expect(Math.abs((p ?? 0) / 0.000020079 - 1)).toBeLessThan(1e-4);
  });

  it("two arms at 75/25", () => {
    expect(srmPValue([310, 98], [0.75, 0.25])).toBeCloseTo(0.647434, 5);
  });

  it("three arms at 34/33/33", () => {
    const p = srmPValue([500, 500, 600], [34, 33, 33]);
    expect(Math.abs((p ?? 0) / 0.000592638 - 1)).toBeLessThan(1e-4);
  });

  it("an arm with weight 0 is left out; an arm with 0 units is not", () => {
    const skipped = srmPValue([1000, 1200, 900], [0.5, 0.5, 0]);
    expect(Math.abs((skipped ?? 0) / 0.000020079 - 1)).toBeLessThan(1e-4);
    expect(srmPValue([0, 10, 10], [0.34, 0.33, 0.33])).toBeCloseTo(0.005790624, 8);
    expect(srmPValue([135, 115], [0.5, 0.5])).toBeCloseTo(0.205903211, 8);
  });
});

describe("srmFlag", () => {
  it("flags at p < 0.001 only", () => {
    expect(srmFlag([1000, 1200], [0.5, 0.5])).toBe(true);
    expect(srmFlag([500, 500, 600], [34, 33, 33])).toBe(true);
    expect(srmFlag([310, 98], [0.75, 0.25])).toBe(false);
    expect(srmFlag([500, 500, 600], [34, 33, 33], 0.0001)).toBe(false);
  });

  it("a perfect split has p = 1", () => {
    expect(srmPValue([500, 500], [1, 1])).toBeCloseTo(1, 12);
  });
});

describe("srmPValue edge cases: null, never NaN or a throw", () => {
  it("no units, mismatched lengths, one arm, bad numbers", () => {
    expect(srmPValue([0, 0], [0.5, 0.5])).toBeNull();
    expect(srmFlag([0, 0], [0.5, 0.5])).toBe(false);
    expect(srmPValue([10, 20], [1])).toBeNull();
    expect(srmPValue([10], [1])).toBeNull();
    expect(srmPValue([10, 20], [0, 0])).toBeNull();
    expect(srmPValue([1000, 900, 800], [1, 0, 0])).toBeNull();
    expect(srmPValue([10, Number.NaN], [0.5, 0.5])).toBeNull();
    expect(srmPValue([10, -1], [0.5, 0.5])).toBeNull();
  });
});
