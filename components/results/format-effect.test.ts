import { describe, expect, it } from "vitest";
import {
  describeEffect,
  formatAxisLift,
  formatChance,
  formatConfidence,
  formatDifference,
  formatInterval,
  formatMetricValue,
  formatPValue,
  formatRisk,
  intervalLabel,
} from "./format-effect";
import { effect } from "./fixtures";

describe("formatting an effect", () => {
  it("shows a conversion rate as a percentage and other values as numbers", () => {
    expect(formatMetricValue("conversion", 0.0781)).toBe("7.81 %");
    expect(formatMetricValue("sum", 1234.567)).toBe("1,235");
    expect(formatMetricValue("count", 1.5)).toBe("1.5");
    expect(formatMetricValue("ratio", 0.12345)).toBe("0.1235");
    expect(formatMetricValue("sum", null)).toBe("\u2014");
  });

  it("writes an interval with true minus signs", () => {
    expect(formatInterval([-0.02, 0.139])).toBe("\u22122.0 % to +13.9 %");
    expect(describeEffect(effect())).toBe("+8.1 % (+2.3 % to +13.9 %)");
    expect(describeEffect({ computable: false, reason: "No conversions yet" })).toBe("No conversions yet");
  });

  it("keeps small p-values and extreme chances honest", () => {
    expect(formatPValue(0.0423)).toBe("0.042");
    expect(formatPValue(0.0000012)).toBe("< 0.001");
    expect(formatPValue(null)).toBe("\u2014");
    expect(formatChance(0.973)).toBe("97.3 %");
    expect(formatChance(0.99999)).toBe("> 99.9 %");
    expect(formatChance(0.00001)).toBe("< 0.1 %");
    expect(formatRisk(0.0012)).toBe("0.12 %");
    expect(formatRisk(0.00001)).toBe("< 0.01 %");
  });

  it("shows an absolute difference of a conversion rate in percentage points", () => {
    expect(formatDifference("conversion", 0.0062)).toBe("+0.62 pp");
    expect(formatDifference("conversion", -0.0105)).toBe("\u22121.05 pp");
    expect(formatDifference("sum", -2.5)).toBe("\u22122.5");
  });

  it("labels chart axes in whole percentages once they are far apart", () => {
    expect(formatAxisLift(0)).toBe("0 %");
    expect(formatAxisLift(2.5)).toBe("+250 %");
    expect(formatAxisLift(-1)).toBe("\u2212100 %");
    expect(formatAxisLift(0.025)).toBe("+2.5 %");
    expect(formatAxisLift(-0.05)).toBe("\u22125 %");
  });

  it("names the interval as the engine reads it", () => {
    expect(formatConfidence(0.05)).toBe("95 %");
    expect(formatConfidence(0.025)).toBe("97.5 %");
    expect(intervalLabel({ alpha: 0.1, engine: "frequentist" })).toBe("90 % CI");
    expect(intervalLabel({ alpha: 0.05, engine: "sequential" })).toBe("95 % confidence sequence");
    expect(intervalLabel({ alpha: 0.01, engine: "bayesian" })).toBe("99 % credible interval");
  });
});
