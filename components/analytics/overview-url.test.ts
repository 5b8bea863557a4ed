import { describe, expect, it } from "vitest";
import { readRangeParams, withRange } from "./overview-url";

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
});
