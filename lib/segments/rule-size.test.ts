import { describe, expect, it } from "vitest";
import { MAX_CONDITIONS, MAX_DEPTH, ruleSizeIssues, TOO_DEEP } from "./rule-size";
import { segmentRuleSchema } from "./schema";

const condition = (i: number) => ({ type: "trait", id: `c${i}`, key: "k", valueType: "boolean", op: "is_true" });
const group = (children: unknown[], id = "g") => ({ type: "group", id, combinator: "and", children });
/** `levels` groups, the outermost included, each holding the next; the innermost holds one condition. */
const nested = (levels: number) => {
  let node: unknown = condition(0);
  for (let i = levels; i >= 1; i--) node = group([node], i === 1 ? "root" : `g${i}`);
  return node;
};

describe("ruleSizeIssues", () => {
  it("counts every condition, following nested groups", () => {
    const spread = group([
      ...Array.from({ length: 20 }, (_, i) => condition(i)),
      group(Array.from({ length: 20 }, (_, i) => condition(100 + i))),
      group([group(Array.from({ length: 21 }, (_, i) => condition(200 + i)))]),
    ]);
    expect(ruleSizeIssues(spread)).toEqual([
      {
        path: [],
        message: "A rule holds at most 50 conditions (this one has 61): split it into segments and combine them",
      },
    ]);
    expect(ruleSizeIssues(group(Array.from({ length: MAX_CONDITIONS }, (_, i) => condition(i))))).toEqual([]);
  });

  it("allows five levels of groups and names each group that goes deeper", () => {
    expect(ruleSizeIssues(nested(MAX_DEPTH))).toEqual([]);
    expect(ruleSizeIssues(nested(MAX_DEPTH + 3))).toEqual([
      { path: ["children", 0, "children", 0, "children", 0, "children", 0, "children", 0], message: TOO_DEEP },
    ]);
  });

  it("bounds groups, and reports the size before anything else", () => {
    const empties = group(Array.from({ length: 51 }, (_, i) => group([], `e${i}`)));
    expect(ruleSizeIssues(empties).map((i) => i.message)).toEqual([
      "A rule holds at most 50 groups (this one has 51): remove empty ones or split it into segments",
    ]);
  });

  it("leaves shapes it does not know to the schema", () => {
    expect(ruleSizeIssues(null)).toEqual([]);
    expect(ruleSizeIssues({ type: "group" })).toEqual([]);
    expect(ruleSizeIssues(group([42, "x", null]))).toEqual([]);
  });
});

describe("segmentRuleSchema's size limits", () => {
  it("refuses an oversized rule with one message, at the root, without looking further", () => {
    const parsed = segmentRuleSchema.safeParse(
      group([...Array.from({ length: 61 }, (_, i) => condition(i)), { type: "trait", id: "bad" }], "root"),
    );
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[], "A rule holds at most 50 conditions (this one has 62): split it into segments and combine them"],
    ]);
  });

  it("refuses thousands of nested groups with a message, where parsing them would run out of stack", () => {
    const parsed = segmentRuleSchema.safeParse(nested(20_000));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ message: TOO_DEEP })]);
    expect(parsed.error!.issues[0]!.path).toHaveLength(2 * MAX_DEPTH);
  });

  it("still checks operands within the limits", () => {
    const parsed = segmentRuleSchema.safeParse(
      group([{ type: "trait", id: "a", key: "age", valueType: "number", op: "gt" }], "root"),
    );
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["children", 0, "value"], "Enter a number"],
    ]);
  });
});
