import { describe, expect, it } from "vitest";
import { describeGoal, describeGoalWindow, percentileOrdinal } from "./describe";

const purchase = {
  eventName: "Order Completed",
  kind: "conversion" as const,
  valueProperty: null,
  filters: [],
  windowDays: 7,
  capPercentile: null,
};

describe("describeGoal", () => {
  it("says a conversion goal with a number filter in the segment builder's words", () => {
    expect(
      describeGoal({ ...purchase, filters: [{ property: "total", valueType: "number", op: "gte", value: 50 }] }),
    ).toBe("Converted: Order Completed where total is at least 50, within 7 days of first exposure");
  });

  it("names the summed property of a sum goal and joins several filters with and", () => {
    expect(
      describeGoal({
        ...purchase,
        kind: "sum",
        valueProperty: "revenue",
        windowDays: 14,
        filters: [
          { property: "currency", valueType: "string", op: "equals", value: "EUR" },
          { property: "coupon", valueType: "string", op: "is_not_set" },
        ],
      }),
    ).toBe(
      'Summed revenue: Order Completed where currency is "EUR" and coupon is not set, within 14 days of first exposure',
    );
  });

  it("says a count goal without filters", () => {
    expect(describeGoal({ ...purchase, kind: "count", eventName: "Product Viewed", windowDays: 1 })).toBe(
      "Counted: Product Viewed, within 1 day of first exposure",
    );
  });

  it("reads fields still being filled in as …", () => {
    expect(
      describeGoal({
        eventName: " ",
        kind: "sum",
        valueProperty: null,
        filters: [{ property: "", valueType: "number", op: "between", value: 1 }],
        windowDays: undefined,
        capPercentile: null,
      }),
    ).toBe("Summed …: … where … is between 1 and …, within … days of first exposure");
    expect(describeGoalWindow(Number.NaN)).toBe("within … days of first exposure");
    expect(describeGoal({ ...purchase, kind: "ratio", valueProperty: "", capPercentile: Number.NaN })).toBe(
      "Per event: sum of … over the number of Order Completed events, within 7 days of first exposure, each visitor's … capped at the … percentile",
    );
  });

  it("says a ratio goal as the property's sum over the number of events, with its cap", () => {
    expect(describeGoal({ ...purchase, kind: "ratio", valueProperty: "revenue", capPercentile: 0.99 })).toBe(
      "Per event: sum of revenue over the number of Order Completed events, within 7 days of first exposure, each visitor's revenue capped at the 99th percentile",
    );
    expect(
      describeGoal({
        ...purchase,
        kind: "ratio",
        valueProperty: "revenue",
        filters: [{ property: "currency", valueType: "string", op: "equals", value: "EUR" }],
      }),
    ).toBe(
      'Per event: sum of revenue over the number of Order Completed events where currency is "EUR", within 7 days of first exposure',
    );
  });

  it("says the cap of a sum goal, and none for a kind that has no value to cap", () => {
    expect(describeGoal({ ...purchase, kind: "sum", valueProperty: "revenue", capPercentile: 0.995 })).toBe(
      "Summed revenue: Order Completed, within 7 days of first exposure, each visitor's revenue capped at the 99.5th percentile",
    );
    expect(describeGoal({ ...purchase, capPercentile: 0.99 })).toBe(
      "Converted: Order Completed, within 7 days of first exposure",
    );
  });

  it("writes percentiles as ordinals without floating-point noise", () => {
    expect([0.9, 0.91, 0.92, 0.93, 0.99, 0.999, 0.9999].map(percentileOrdinal)).toEqual([
      "90th",
      "91st",
      "92nd",
      "93rd",
      "99th",
      "99.9th",
      "99.99th",
    ]);
  });
});
