import { describe, expect, it } from "vitest";
import { describeGoal, describeGoalWindow } from "./describe";

const purchase = {
  eventName: "Order Completed",
  kind: "conversion" as const,
  valueProperty: null,
  filters: [],
  windowDays: 7,
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
      }),
    ).toBe("Summed …: … where … is between 1 and …, within … days of first exposure");
    expect(describeGoalWindow(Number.NaN)).toBe("within … days of first exposure");
  });
});
