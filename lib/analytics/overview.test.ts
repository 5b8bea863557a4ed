import { describe, expect, it } from "vitest";
import { changeOf, figuresOf } from "./figures";
import { overviewOf } from "./overview";
import { rangeInputSchema, resolveRange } from "./range";

const counts = (visitors: number, buyers: number, orders: number, revenue: number, identified = 0) => ({
  visitors,
  identified,
  buyers,
  orders,
  revenue,
});

describe("the overview's figures", () => {
  it("derives the conversion rate, average order value and revenue per visitor, none without a denominator", () => {
    expect(figuresOf(counts(200, 10, 12, 600, 50))).toMatchObject({
      conversionRate: 0.05,
      averageOrderValue: 50,
      revenuePerVisitor: 3,
    });
    expect(figuresOf(counts(0, 0, 0, 0))).toMatchObject({
      conversionRate: null,
      averageOrderValue: null,
      revenuePerVisitor: null,
    });
  });

  it("gives each figure its change against the comparison, and every day of both periods side by side", () => {
    const range = resolveRange(
      rangeInputSchema.parse({ preset: "custom", from: "2026-05-01", to: "2026-05-03" }),
      new Date("2026-06-01T00:00:00Z"),
      "UTC",
    );
    const o = overviewOf({
      timeZone: "UTC",
      range,
      current: { total: counts(100, 10, 10, 500), daily: new Map([["2026-05-02", counts(100, 10, 10, 500)]]) },
      comparison: { total: counts(80, 10, 8, 500), daily: new Map([["2026-04-28", counts(80, 10, 8, 500)]]) },
      now: new Date("2026-06-01T00:00:00Z"),
    });
    expect(o.change.visitors).toBeCloseTo(0.25, 12);
    expect(o.change.conversionRate).toBeCloseTo(0.1 / 0.125 - 1, 12);
    expect(o.change.revenue).toBe(0);
    expect(o.daily.map((d) => [d.day, d.comparisonDay, d.figures.visitors, d.comparison?.visitors])).toEqual([
      ["2026-05-01", "2026-04-28", 0, 80],
      ["2026-05-02", "2026-04-29", 100, 0],
      ["2026-05-03", "2026-04-30", 0, 0],
    ]);
    expect(changeOf(5, 0)).toBeNull();
    expect(changeOf(null, 3)).toBeNull();
  });
});
