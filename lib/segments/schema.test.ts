import { describe, expect, it } from "vitest";
import { segmentRuleSchema } from "./schema";

const rule = (children: unknown[]) => ({ type: "group", id: "root", combinator: "and", children });

describe("segmentRuleSchema", () => {
  it("accepts a nested rule", () => {
    const parsed = segmentRuleSchema.safeParse(
      rule([
        { type: "trait", id: "a", key: "country", valueType: "string", op: "equals", value: "DE" },
        {
          type: "group",
          id: "g",
          combinator: "or",
          children: [
            {
              type: "behavior",
              id: "b",
              event: "Product Viewed",
              filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
              count: { op: "at_least", value: 3 },
              window: { kind: "last_days", days: 7 },
            },
            {
              type: "aggregate",
              id: "c",
              event: "Order Completed",
              fn: "sum",
              property: "revenue",
              op: "gt",
              value: 200,
              window: { kind: "last_days", days: 90 },
            },
          ],
        },
      ]),
    );
    expect(parsed.success).toBe(true);
  });

  it("says which operand is missing, where", () => {
    const parsed = segmentRuleSchema.safeParse(
      rule([
        {
          type: "group",
          id: "g",
          combinator: "or",
          children: [{ type: "trait", id: "a", key: "age", valueType: "number", op: "between", value: 30, to: 18 }],
        },
      ]),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({
        path: ["children", 0, "children", 0, "to"],
        message: "Give an upper bound at least the lower one",
      }),
    ]);
    const list = segmentRuleSchema.safeParse(
      rule([{ type: "trait", id: "a", key: "country", valueType: "string", op: "in", values: [] }]),
    );
    expect(list.error!.issues[0]).toMatchObject({
      path: ["children", 0, "values"],
      message: "Enter at least one value",
    });
  });

  it("refuses windows backwards, bad dates and empty fields", () => {
    const backwards = segmentRuleSchema.safeParse(
      rule([
        {
          type: "behavior",
          id: "b",
          event: "x",
          count: { op: "at_least", value: 1 },
          window: { kind: "between", from: "2026-05-02", to: "2026-05-01" },
        },
      ]),
    );
    expect(backwards.error!.issues[0]!.message).toBe("The first date must not be after the second");
    expect(
      segmentRuleSchema.safeParse(rule([{ type: "trait", id: "a", key: " ", valueType: "boolean", op: "is_true" }]))
        .success,
    ).toBe(false);
    expect(
      segmentRuleSchema.safeParse(
        rule([{ type: "trait", id: "a", key: "d", valueType: "date", op: "before", date: "2026-13-01" }]),
      ).success,
    ).toBe(false);
  });

  it("bounds depth", () => {
    let node: unknown = { type: "trait", id: "a", key: "k", valueType: "boolean", op: "is_true" };
    for (let i = 0; i < 7; i++) node = { type: "group", id: `g${i}`, combinator: "and", children: [node] };
    expect(segmentRuleSchema.safeParse(rule([node])).success).toBe(false);
  });
});
