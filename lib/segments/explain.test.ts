import { describe, expect, it } from "vitest";
import { startEvaluation } from "./evaluate";
import { explainRule } from "./explain";
import type { RuleGroup } from "./schema";
import { baseComputed, EDGE_NOW } from "./testing/edge-cases";

const rule: RuleGroup = {
  type: "group",
  id: "r",
  combinator: "and",
  children: [
    { type: "trait", id: "t", key: "country", valueType: "string", op: "equals", value: "DE" },
    {
      type: "behavior",
      id: "b",
      event: "Product Viewed",
      filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
      count: { op: "at_least", value: 3 },
      window: { kind: "last_days", days: 7 },
    },
  ],
};
const ev = (traits: Record<string, unknown>, views: number) =>
  startEvaluation(
    {
      traits,
      computed: baseComputed,
      events: Array.from({ length: views }, (_, i) => ({
        name: "Product Viewed",
        occurredAt: EDGE_NOW - i * 1000,
        properties: { category: "shoes" },
      })),
      staticSegments: new Set(),
    },
    EDGE_NOW,
    null,
  );

describe("explainRule", () => {
  it("names each failed condition with what was found", () => {
    const why = explainRule(rule, ev({ country: "FR" }, 1), new Map());
    expect(why.matched).toBe(false);
    expect(why.failures).toEqual([
      'country is "DE" — found "FR"',
      expect.stringMatching(
        /^did "Product Viewed" where category is "shoes" at least 3 times in the last 7 days — found 1 time$/,
      ),
    ]);
  });
  it("has nothing to say when the rule matches", () => {
    expect(explainRule(rule, ev({ country: "DE" }, 3), new Map())).toEqual({ matched: true, failures: [] });
  });
});
