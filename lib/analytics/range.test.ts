import { describe, expect, it } from "vitest";
import { addDays, dayNumber, daysOf, localDay, rangeInputSchema, resolveRange } from "./range";

const resolve = (input: object, now: string, tz = "UTC") =>
  resolveRange(rangeInputSchema.parse(input), new Date(now), tz);

describe("the overview's date range", () => {
  it("ends a preset today in the workspace's time zone, not in UTC", () => {
    // 02:30 UTC on 1 March is still 28 February in New York (UTC−5) and already 1 March in Tokyo
    expect(localDay(new Date("2026-03-01T02:30:00Z"), "America/New_York")).toBe("2026-02-28");
    expect(localDay(new Date("2026-03-01T02:30:00Z"), "Asia/Tokyo")).toBe("2026-03-01");
    expect(resolve({ preset: "7d" }, "2026-03-01T02:30:00Z", "America/New_York")).toMatchObject({
      from: "2026-02-22",
      to: "2026-02-28",
      days: 7,
    });
    expect(resolve({ preset: "today" }, "2026-03-01T02:30:00Z", "Asia/Kolkata")).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-01",
      days: 1,
    });
  });

  it("defaults to the last 30 days compared with the 30 before", () => {
    const r = resolve({}, "2026-12-04T12:00:00Z");
    expect(r).toMatchObject({ preset: "30d", from: "2026-11-05", to: "2026-12-04", days: 30, compare: "previous" });
    expect(r.comparison).toEqual({ from: "2026-10-06", to: "2026-11-04", days: 30 });
  });

  it("compares with the same dates a year earlier, 29 February as 28 February", () => {
    expect(
      resolve({ preset: "custom", from: "2028-02-29", to: "2028-03-06", compare: "year" }, "2028-04-01T00:00:00Z"),
    ).toMatchObject({ days: 7, comparison: { from: "2027-02-28", to: "2027-03-06", days: 7 } });
    expect(resolve({ preset: "90d", compare: "none" }, "2026-12-04T12:00:00Z").comparison).toBeNull();
    // each date keeps its calendar date: a year before a leap year's is a day longer
    expect(
      resolve({ preset: "custom", from: "2025-01-01", to: "2025-12-31", compare: "year" }, "2026-01-02T00:00:00Z")
        .comparison,
    ).toEqual({ from: "2024-01-01", to: "2024-12-31", days: 366 });
  });

  it("counts the days of a daylight-saving change as one day each", () => {
    // Europe/Paris springs forward on 29 March 2026: the day still counts once
    const r = resolve(
      { preset: "custom", from: "2026-03-28", to: "2026-03-30" },
      "2026-04-01T00:00:00Z",
      "Europe/Paris",
    );
    expect(daysOf(r)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(r.comparison).toEqual({ from: "2026-03-25", to: "2026-03-27", days: 3 });
  });

  it("refuses a custom range with a missing, impossible, reversed or too long end, at the field", () => {
    const issues = (input: object) =>
      rangeInputSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues({ preset: "custom" })).toEqual(["from: Choose the first day", "to: Choose the last day"]);
    expect(issues({ preset: "custom", from: "2026-02-30", to: "2026-03-01" })).toEqual(["from: Not a calendar date"]);
    expect(issues({ preset: "custom", from: "2026-03-02", to: "2026-03-01" })).toEqual([
      "to: The last day is before the first",
    ]);
    expect(issues({ preset: "custom", from: "2025-01-01", to: "2026-03-01" })).toEqual(["to: At most 400 days"]);
    expect(issues({ preset: "custom", from: "1/3/2026", to: "2026-03-01" })).toEqual(["from: A date as YYYY-MM-DD"]);
    expect(issues({ preset: "custom", from: "0050-01-01", to: "0050-01-02" })).toEqual([
      "from: From the year 2000 on",
      "to: From the year 2000 on",
    ]);
    expect(issues({ preset: "week" })[0]).toMatch(/^preset: /);
    expect(issues({ preset: "custom", from: "2026-01-01", to: "2026-12-31" })).toEqual([]);
  });

  it("does calendar arithmetic across months and leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(dayNumber("2026-13-01")).toBeNull();
  });
});
