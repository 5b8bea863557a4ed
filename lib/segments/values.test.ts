import { describe, expect, it } from "vitest";
import { addDecimals, asciiLower, compareDecimals, parseTimestamp, toDecimal } from "./values";

describe("parseTimestamp", () => {
  it("reads dates as midnight UTC and times without offset as UTC", () => {
    expect(parseTimestamp("2026-05-01")).toBe(Date.UTC(2026, 4, 1));
    expect(parseTimestamp("2026-05-01T10:30")).toBe(Date.UTC(2026, 4, 1, 10, 30));
    expect(parseTimestamp("2026-05-01 10:30:15.5")).toBe(Date.UTC(2026, 4, 1, 10, 30, 15, 500));
  });
  it("applies offsets", () => {
    expect(parseTimestamp("2026-05-01T10:00:00+02:00")).toBe(Date.UTC(2026, 4, 1, 8));
    expect(parseTimestamp("2026-05-01T10:00:00-05:30")).toBe(Date.UTC(2026, 4, 1, 15, 30));
    expect(parseTimestamp("2026-05-01T10:00:00Z")).toBe(Date.UTC(2026, 4, 1, 10));
  });
  it("refuses what is not a date", () => {
    for (const bad of [
      "2026-02-29",
      "2026-04-31",
      "0000-01-01",
      "2026-05-01T24:00",
      "2026-05-01T10:60",
      "01/05/2026",
      "2026-5-1",
      "",
      "2026-05-01T10:00:00+15:00",
      20260501,
      null,
    ]) {
      expect(parseTimestamp(bad), String(bad)).toBeNull();
    }
    expect(parseTimestamp("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
  });
  it("keeps years before 100", () => {
    expect(new Date(parseTimestamp("0042-03-01")!).getUTCFullYear()).toBe(42);
  });
});

describe("exact decimals", () => {
  it("adds without binary rounding", () => {
    expect(compareDecimals(addDecimals([toDecimal(0.1), toDecimal(0.2)]), toDecimal(0.3))).toBe(0);
    expect(compareDecimals(toDecimal(0.30000000000000004), toDecimal(0.3))).toBe(1);
  });
  it("reads exponents and numeric strings", () => {
    expect(compareDecimals(toDecimal(1e21), toDecimal("1000000000000000000000"))).toBe(0);
    expect(compareDecimals(toDecimal(1.5e-7), toDecimal("0.00000015"))).toBe(0);
    expect(compareDecimals(toDecimal("-2.50"), toDecimal(-2.5))).toBe(0);
  });
});

it("asciiLower leaves everything but A–Z alone", () => {
  expect(asciiLower("ÄBC-Straße İ")).toBe("Äbc-straße İ");
});
