import { describe, expect, it } from "vitest";
import type { Condition, RuleGroup } from "@/lib/segments/schema";
import {
  addNode,
  countConditions,
  duplicateNode,
  getNode,
  moveNode,
  removeNode,
  setCombinator,
  toggleCombinator,
  toggleNot,
  updateNode,
} from "./tree-ops";

const trait = (id: string, value = id): Condition => ({
  type: "trait",
  id,
  key: "country",
  valueType: "string",
  op: "equals",
  value,
});
const behavior: Condition = {
  type: "behavior",
  id: "v",
  event: "Viewed",
  filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
  count: { op: "at_least", value: 1 },
  window: { kind: "ever" },
};
const tree = (): RuleGroup => ({
  type: "group",
  id: "root",
  combinator: "and",
  children: [trait("a"), { type: "group", id: "g", combinator: "or", children: [trait("b"), behavior] }, trait("c")],
});
const ids = (g: RuleGroup) => g.children.map((c) => c.id);
const counter = () => {
  let n = 0;
  return () => `new${++n}`;
};

describe("tree operations", () => {
  it("adds a condition or a group at the end of the addressed group, leaving the input untouched", () => {
    const before = tree();
    const after = addNode(before, [1], trait("d"));
    expect(ids(getNode(after, [1]) as RuleGroup)).toEqual(["b", "v", "d"]);
    expect(ids(before.children[1] as RuleGroup)).toEqual(["b", "v"]);
    const withGroup = addNode(before, [], { type: "group", id: "h", combinator: "and", children: [] });
    expect(ids(withGroup)).toEqual(["a", "g", "c", "h"]);
  });

  it("removes the node at a path and shares untouched branches", () => {
    const before = tree();
    const after = removeNode(before, [1, 0]);
    expect(getNode(after, [1])).toMatchObject({ children: [behavior] });
    expect(after.children[0]).toBe(before.children[0]);
    expect(ids(removeNode(before, [1]))).toEqual(["a", "c"]);
    expect(removeNode(before, [])).toBe(before);
    expect(removeNode(before, [7])).toBe(before);
  });

  it("duplicates a node right after itself, with fresh ids all the way down and no shared objects", () => {
    const after = duplicateNode(tree(), [1], counter());
    expect(ids(after)).toEqual(["a", "g", "new1", "c"]);
    const copy = after.children[2] as RuleGroup;
    expect(ids(copy)).toEqual(["new2", "new3"]);
    expect(copy.children[1]).toMatchObject({ ...behavior, id: "new3" });
    const filtersOf = (node: unknown) => (node as { filters: unknown[] }).filters;
    expect(filtersOf(copy.children[1])).not.toBe(filtersOf((after.children[1] as RuleGroup).children[1]));
    expect(ids(duplicateNode(tree(), [0], counter()))).toEqual(["a", "new1", "g", "c"]);
  });

  it("moves a node up and down among its siblings, and not past either end", () => {
    const before = tree();
    expect(ids(moveNode(before, [0], 1))).toEqual(["g", "a", "c"]);
    expect(ids(moveNode(before, [2], -1))).toEqual(["a", "c", "g"]);
    expect(ids(moveNode(before, [0], -1))).toEqual(["a", "g", "c"]);
    expect(ids(moveNode(before, [2], 1))).toEqual(["a", "g", "c"]);
    expect(ids(moveNode(before, [1, 1], -1).children[1] as RuleGroup)).toEqual(["v", "b"]);
  });

  it("toggles and sets the combinator and the negation of a group", () => {
    const before = tree();
    expect(toggleCombinator(before, []).combinator).toBe("or");
    expect((toggleCombinator(before, [1]).children[1] as RuleGroup).combinator).toBe("and");
    expect((setCombinator(before, [1], "or").children[1] as RuleGroup).combinator).toBe("or");
    const negated = toggleNot(before, [1]);
    expect((negated.children[1] as RuleGroup).not).toBe(true);
    expect(toggleNot(negated, [1]).children[1]).not.toHaveProperty("not");
    expect(toggleNot(before, [0])).toBe(before);
  });

  it("updates the node at a path, refusing to turn the root into a condition", () => {
    const before = tree();
    const after = updateNode(before, [1, 0], () => trait("b", "FR"));
    expect(getNode(after, [1, 0])).toMatchObject({ value: "FR" });
    expect(updateNode(before, [], () => trait("x"))).toBe(before);
    expect(updateNode(before, [0, 0], () => trait("x"))).toBe(before);
  });

  it("counts conditions through nested groups", () => {
    expect(countConditions(tree())).toBe(4);
  });
});
