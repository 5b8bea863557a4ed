import { describe, expect, it } from "vitest";
import { effect } from "./fixtures";
import { dimensionValueLabel } from "./labels";
import { effectTone, toneCellClass, toneLabel } from "./tones";

describe("colours of an effect", () => {
  it("colours only what is significant after the correction, green for better and red for worse", () => {
    expect(effectTone(effect())).toBe("better");
    expect(effectTone(effect({ lift: -0.1, interval: [-0.15, -0.05], direction: "worse" }))).toBe("worse");
    expect(effectTone(effect({ significant: false, direction: null }))).toBeNull();
    expect(effectTone({ computable: false, reason: "no data" })).toBeNull();
    expect(effectTone(null)).toBeNull();
    expect(toneCellClass("better")).toContain("green");
    expect(toneCellClass("worse")).toContain("red");
    expect(toneCellClass(null)).toBe("");
    expect(toneLabel(null)).toBe("Not significant");
  });
});

describe("dimensionValueLabel", () => {
  it("names the values of each dimension", () => {
    expect(dimensionValueLabel("device", "mobile")).toBe("Mobile");
    expect(dimensionValueLabel("returning", "true")).toBe("Returning");
    expect(dimensionValueLabel("returning", "false")).toBe("New");
    expect(dimensionValueLabel("country", "de")).toBe("Germany (DE)");
    expect(dimensionValueLabel("segment", "true")).toBe("In the segment");
    expect(dimensionValueLabel("device", "")).toBe("Unknown");
  });
});
