import { describe, expect, it } from "vitest";
import { readBreakdownParams, readRangeParams, withBreakdown, withRange } from "./overview-url";

const read = (qs: string) => readRangeParams(new URLSearchParams(qs));

describe("the overview's range in the URL", () => {
  it("reads a preset, a custom range and the comparison", () => {
    expect(read("").input).toEqual({ preset: "30d", compare: "previous" });
    expect(read("preset=7d&compare=year").input).toEqual({ preset: "7d", compare: "year" });
    expect(read("preset=custom&from=2026-03-01&to=2026-03-31").input).toMatchObject({
      preset: "custom",
      from: "2026-03-01",
      to: "2026-03-31",
    });
  });

  it("falls back to the default for what it cannot use, and says why", () => {
    const reversed = read("preset=custom&from=2026-03-31&to=2026-03-01&compare=none");
    expect(reversed.input).toEqual({ preset: "30d", compare: "none" });
    expect(reversed.errors).toEqual({ to: "The last day is before the first" });
    expect(read("preset=fortnight").errors).toEqual({ preset: "Not one of the choices" });
    expect(read("compare=lastweek").input).toEqual({ preset: "30d", compare: "previous" });
  });

  it("writes a change, leaving out defaults and a preset's custom days", () => {
    const now = new URLSearchParams("preset=custom&from=2026-03-01&to=2026-03-31&compare=year");
    expect(withRange(now, { preset: "7d" })).toBe("preset=7d&compare=year");
    expect(withRange(now, { preset: "30d", compare: "previous" })).toBe("");
    expect(withRange(new URLSearchParams(""), { preset: "custom", from: "2026-01-01", to: "2026-01-31" })).toBe(
      "preset=custom&from=2026-01-01&to=2026-01-31",
    );
  });

  it("reads the breakdown, asking for segments when comparing segments without any", () => {
    expect(readBreakdownParams(new URLSearchParams("by=device"))).toEqual({
      input: { by: "device", segmentIds: [] },
      error: null,
    });
    expect(readBreakdownParams(new URLSearchParams("by=segment&segments=a,b")).input).toEqual({
      by: "segment",
      segmentIds: ["a", "b"],
    });
    expect(readBreakdownParams(new URLSearchParams("by=segment"))).toEqual({
      input: { by: "segment", segmentIds: [] },
      error: "Choose the segments to compare",
    });
    expect(readBreakdownParams(new URLSearchParams("by=planet")).input.by).toBe("source");
    const now = new URLSearchParams("preset=7d&by=segment&segments=a,b");
    expect(withBreakdown(now, { segmentIds: ["a"] })).toBe("preset=7d&by=segment&segments=a");
    expect(withBreakdown(now, { by: "device" })).toBe("preset=7d&by=device");
    expect(withBreakdown(now, { by: "source" })).toBe("preset=7d");
  });
});
