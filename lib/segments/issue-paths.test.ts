import { describe, expect, it } from "vitest";
import { ruleFieldErrors, ruleIssuesOf } from "./issue-paths";

describe("rule issue paths", () => {
  const issues = [
    { path: ["children", 0, "value"], message: "Enter a value" },
    { path: ["children", 0, "value"], message: "Too long" },
    { path: ["children", 2, "window", "days"], message: "At most 365" },
    { path: [], message: "Add a condition" },
  ];

  it("encodes issues as field errors keyed like the form's fields", () => {
    expect(ruleFieldErrors(issues)).toEqual({
      "rule.children.0.value": ["Enter a value", "Too long"],
      "rule.children.2.window.days": ["At most 365"],
      rule: ["Add a condition"],
    });
  });

  it("decodes them back, with indexes as numbers, ignoring other fields' errors", () => {
    const errors = { ...ruleFieldErrors(issues), name: ["Enter a name"], rules: ["not the rule"] };
    expect(ruleIssuesOf(errors)).toEqual(issues);
  });
});
