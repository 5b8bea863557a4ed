import { describe, expect, it } from "vitest";
import { filterIssuesOf, goalFormFrom, goalInputOf, localGoalErrors } from "./goal-form";

describe("the goal form", () => {
  it("sends a value property only for a sum goal, and the window as a number", () => {
    const form = { ...goalFormFrom(), name: "Revenue", eventName: "Order Completed", valueProperty: " revenue " };
    expect(goalInputOf({ ...form, kind: "sum", windowDays: "14" })).toMatchObject({
      valueProperty: "revenue",
      windowDays: 14,
    });
    expect(goalInputOf({ ...form, kind: "count" }).valueProperty).toBeNull();
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
      }),
    ).toMatchObject({ valueProperty: "", windowDays: "7" });
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
