import { describe, expect, it } from "vitest";
import { defaultComparison, parseList, withOp } from "./comparison";
import { issuePath, issuesUnder, messagesAt, messagesOutside } from "./issues";

describe("comparison helpers", () => {
  it("keeps operands across operators, turning a value into a list and back", () => {
    expect(withOp({ valueType: "string", op: "equals", value: "DE" }, "in")).toEqual({
      valueType: "string",
      op: "in",
      value: "DE",
      values: ["DE"],
    });
    expect(withOp({ valueType: "string", op: "in", values: ["DE", "AT"] }, "not_equals")).toEqual({
      valueType: "string",
      op: "not_equals",
      values: ["DE", "AT"],
      value: "DE",
    });
    expect(withOp({ valueType: "number", op: "gt", value: 3 }, "between")).toEqual({
      valueType: "number",
      op: "between",
      value: 3,
    });
    expect(withOp({ valueType: "number", op: "gt", value: 3 }, "equals")).toEqual({
      valueType: "number",
      op: "gt",
      value: 3,
    });
  });

  it("starts each value type with its common operator", () => {
    expect(defaultComparison("boolean")).toEqual({ valueType: "boolean", op: "is_true" });
    expect(defaultComparison("date")).toEqual({ valueType: "date", op: "within_last_days", days: 30 });
  });

  it("reads a comma-separated list, ignoring blanks", () => {
    expect(parseList(" DE, AT ,, CH,")).toEqual(["DE", "AT", "CH"]);
    expect(parseList("  ")).toEqual([]);
  });
});

describe("issue paths", () => {
  const issues = [
    { path: ["children", 1, "children", 0, "filters", 0, "value"], message: "Enter a value" },
    { path: ["children", 1, "children", 0, "window"], message: "The first date must not be after the second" },
    { path: ["children", 1], message: "Groups nest at most 5 levels deep" },
    { path: [], message: "A rule holds at most 50 conditions" },
  ];

  it("finds a node's issues by its index path, relative to it", () => {
    expect(issuePath([1, 0])).toEqual(["children", 1, "children", 0]);
    const own = issuesUnder(issues, issuePath([1, 0]));
    expect(own.map((i) => i.path)).toEqual([["filters", 0, "value"], ["window"]]);
    expect(messagesAt(own, ["filters", 0])).toEqual(["Enter a value"]);
    expect(messagesAt(own, ["count"])).toEqual([]);
  });

  it("leaves a group only the messages about itself, not its children's", () => {
    expect(messagesOutside(issuesUnder(issues, issuePath([1])), ["children"])).toEqual([
      "Groups nest at most 5 levels deep",
    ]);
    expect(messagesOutside(issuesUnder(issues, []), ["children"])).toEqual(["A rule holds at most 50 conditions"]);
  });
});
