import { describe, expect, it } from "vitest";
import { capPercentileOf, filterIssuesOf, goalFormFrom, goalInputOf, localGoalErrors } from "./goal-form";

describe("the goal form", () => {
  it("sends a value property only for a sum goal, and the window as a number", () => {
    const form = { ...goalFormFrom(), name: "Revenue", eventName: "Order Completed", valueProperty: " revenue " };
    expect(goalInputOf({ ...form, kind: "sum", windowDays: "14" })).toMatchObject({
      valueProperty: "revenue",
      windowDays: 14,
    });
    expect(goalInputOf({ ...form, kind: "count" }).valueProperty).toBeNull();
    expect(goalInputOf({ ...form, kind: "ratio" }).valueProperty).toBe("revenue");
  });

  it("sends the cap as a percentile of a percent (99 → 0.99), none when empty, and only for sum and ratio goals", () => {
    const form = { ...goalFormFrom(), name: "Revenue", eventName: "Order Completed", valueProperty: "revenue" };
    expect(goalInputOf({ ...form, kind: "ratio", capPercent: "99" }).capPercentile).toBe(0.99);
    expect(goalInputOf({ ...form, kind: "sum", capPercent: " 99.5 % " }).capPercentile).toBe(0.995);
    expect(goalInputOf({ ...form, kind: "sum", capPercent: "" }).capPercentile).toBeNull();
    expect(goalInputOf({ ...form, kind: "conversion", capPercent: "99" }).capPercentile).toBeNull();
    // out of range is the action's to answer (its message shows next to the field)
    expect(capPercentileOf("50")).toBe(0.5);
    expect(capPercentileOf("ninety")).toBeUndefined();
  });

  it("asks for a number as the cap before sending, but not of a kind that has no cap", () => {
    expect(localGoalErrors({ ...goalFormFrom(), kind: "sum", capPercent: "high" })).toEqual({
      capPercentile: ["Enter a percentile such as 99, or leave it empty for no cap"],
    });
    expect(localGoalErrors({ ...goalFormFrom(), kind: "count", capPercent: "high" })).toEqual({});
  });

  it("sends which way is better: higher by default, lower when chosen", () => {
    const form = { ...goalFormFrom(), name: "Refunds", eventName: "Order Refunded" };
    expect(goalInputOf(form).lowerIsBetter).toBe(false);
    expect(goalInputOf({ ...form, lowerIsBetter: true }).lowerIsBetter).toBe(true);
  });

  it("asks for a whole number of days before sending", () => {
    expect(localGoalErrors({ ...goalFormFrom(), windowDays: "1.5" })).toEqual({
      windowDays: ["Enter a whole number of days"],
    });
    expect(localGoalErrors({ ...goalFormFrom(), windowDays: "" })).toHaveProperty("windowDays");
    expect(localGoalErrors({ ...goalFormFrom(), windowDays: "30" })).toEqual({});
  });

  it("starts an edit from the stored goal", () => {
    expect(
      goalFormFrom({
        name: "Purchase",
        description: "",
        eventName: "Order Completed",
        kind: "conversion",
        valueProperty: null,
        filters: [],
        windowDays: 7,
        capPercentile: null,
        lowerIsBetter: false,
      }),
    ).toMatchObject({ valueProperty: "", windowDays: "7", capPercent: "", lowerIsBetter: false });
    expect(
      goalFormFrom({
        name: "Revenue per order",
        description: "",
        eventName: "Order Completed",
        kind: "ratio",
        valueProperty: "revenue",
        filters: [],
        windowDays: 7,
        capPercentile: 0.99,
        lowerIsBetter: true,
      }),
    ).toMatchObject({ kind: "ratio", capPercent: "99", lowerIsBetter: true });
  });

  it("hands the filter editor the errors under filters, as paths", () => {
    expect(
      filterIssuesOf({ name: ["Taken"], "filters.1.value": ["Enter a number"], filters: ["At most 10 filters"] }),
    ).toEqual([
      { path: ["filters", 1, "value"], message: "Enter a number" },
      { path: ["filters"], message: "At most 10 filters" },
    ]);
  });
});
