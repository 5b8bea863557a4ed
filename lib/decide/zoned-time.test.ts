import { describe, expect, it } from "vitest";
import { instantToZonedTime, isTimeZone, zonedTimeToInstant } from "./zoned-time";

describe("zoned times", () => {
  it("reads a local time in its zone, summer and winter", () => {
    expect(new Date(zonedTimeToInstant("2026-07-01T09:00", "Europe/Berlin")).toISOString()).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    expect(new Date(zonedTimeToInstant("2026-12-01T09:00", "Europe/Berlin")).toISOString()).toBe(
      "2026-12-01T08:00:00.000Z",
    );
    expect(new Date(zonedTimeToInstant("2026-12-01T09:00", "America/New_York")).toISOString()).toBe(
      "2026-12-01T14:00:00.000Z",
    );
    expect(new Date(zonedTimeToInstant("2026-12-01T09:00", "Asia/Kolkata")).toISOString()).toBe(
      "2026-12-01T03:30:00.000Z",
    );
  });
  it("handles the DST gap and the repeated hour", () => {
    // 02:30 does not exist in Berlin on 2026-03-29: it is taken as 03:30 CEST
    expect(new Date(zonedTimeToInstant("2026-03-29T02:30", "Europe/Berlin")).toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    // 02:30 happens twice on 2026-10-25: the first one (CEST)
    expect(new Date(zonedTimeToInstant("2026-10-25T02:30", "Europe/Berlin")).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });
  it("round-trips for editing", () => {
    const at = zonedTimeToInstant("2026-11-23T18:45", "Australia/Sydney");
    expect(instantToZonedTime(at, "Australia/Sydney")).toBe("2026-11-23T18:45");
  });
  it("knows which zones exist", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
