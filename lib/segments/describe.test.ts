import { describe, expect, it } from "vitest";
import { describeCondition, describeRule, WINDOW_LABEL } from "./describe";
import type { Condition, RuleGroup, RuleNode } from "./schema";

const names = new Map([["vip", "VIP customers"]]);
const group = (combinator: "and" | "or", children: RuleNode[], not?: boolean): RuleGroup => ({
  type: "group",
  id: "g",
  combinator,
  children,
  ...(not ? { not } : {}),
});
const say = (c: Condition) => describeCondition(c, names);

const country: Condition = { type: "trait", id: "a", key: "country", valueType: "string", op: "equals", value: "DE" };
const viewedShoes: Condition = {
  type: "behavior",
  id: "b",
  event: "Product Viewed",
  filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
  count: { op: "at_least", value: 3 },
  window: { kind: "last_days", days: 7 },
};
const revenue: Condition = {
  type: "aggregate",
  id: "c",
  event: "Order Completed",
  filters: [],
  fn: "sum",
  property: "revenue",
  op: "gt",
  value: 200,
  window: { kind: "last_days", days: 90 },
};

describe("describeRule", () => {
  it("reads a nested rule as one sentence, the inner group in parentheses", () => {
    const rule = group("and", [country, group("or", [viewedShoes, revenue])]);
    expect(describeRule(rule, names)).toBe(
      'country is "DE" and (did "Product Viewed" where category is "shoes" at least 3 times in the last 7 days or sum of revenue of "Order Completed" in the last 90 days is more than 200)',
    );
  });

  it("says everyone for the empty rule, and no one for an empty any-of group", () => {
    expect(describeRule({ type: "group", id: "root", combinator: "and", children: [] }, names)).toBe("everyone");
    expect(describeRule(group("and", [country, group("or", [])]), names)).toBe('country is "DE" and no one');
  });

  it("writes a negated group as not (…), also at the root", () => {
    expect(describeRule(group("and", [country, group("or", [viewedShoes, revenue], true)]), names)).toBe(
      'country is "DE" and not (did "Product Viewed" where category is "shoes" at least 3 times in the last 7 days or sum of revenue of "Order Completed" in the last 90 days is more than 200)',
    );
    expect(describeRule(group("or", [country, revenue], true), names)).toBe(
      'not (country is "DE" or sum of revenue of "Order Completed" in the last 90 days is more than 200)',
    );
    expect(describeRule(group("and", [country, group("and", [revenue], true)]), names)).toBe(
      'country is "DE" and not (sum of revenue of "Order Completed" in the last 90 days is more than 200)',
    );
  });

  it("drops parentheses a single-child group does not need, but keeps those of a deeper group", () => {
    expect(describeRule(group("and", [group("or", [country, revenue])]), names)).toBe(
      'country is "DE" or sum of revenue of "Order Completed" in the last 90 days is more than 200',
    );
    const member: Condition = { type: "segment", id: "s", segmentId: "vip", op: "in" };
    expect(describeRule(group("and", [member, group("and", [group("or", [country, revenue])])]), names)).toBe(
      'is in segment "VIP customers" and (country is "DE" or sum of revenue of "Order Completed" in the last 90 days is more than 200)',
    );
  });
});

describe("describeCondition", () => {
  it("traits of each value type", () => {
    expect(
      say({ type: "trait", id: "t", key: "country", valueType: "string", op: "not_in", values: ["DE", "AT"] }),
    ).toBe('country is not one of "DE", "AT"');
    expect(
      say({ type: "trait", id: "t", key: "email", valueType: "string", op: "ends_with", value: "@acme.com" }),
    ).toBe('email ends with "@acme.com"');
    expect(say({ type: "trait", id: "t", key: "email", valueType: "string", op: "is_not_set" })).toBe(
      "email is not set",
    );
    expect(say({ type: "trait", id: "t", key: "age", valueType: "number", op: "between", value: 18, to: 30 })).toBe(
      "age is between 18 and 30",
    );
    expect(say({ type: "trait", id: "t", key: "ltv", valueType: "number", op: "gte", value: 1250.5 })).toBe(
      "ltv is at least 1,250.5",
    );
    expect(say({ type: "trait", id: "t", key: "newsletter", valueType: "boolean", op: "is_true" })).toBe(
      "newsletter is true",
    );
    expect(say({ type: "trait", id: "t", key: "signed_up", valueType: "date", op: "before", date: "2026-05-01" })).toBe(
      "signed_up is before May 1, 2026",
    );
    expect(say({ type: "trait", id: "t", key: "signed_up", valueType: "date", op: "within_last_days", days: 30 })).toBe(
      "signed_up is within the last 30 days",
    );
    expect(
      say({ type: "trait", id: "t", key: "signed_up", valueType: "date", op: "more_than_days_ago", days: 1 }),
    ).toBe("signed_up is more than 1 day ago");
  });

  it("marks operands still missing with an ellipsis", () => {
    expect(say({ type: "trait", id: "t", key: "", valueType: "string", op: "equals" })).toBe("… is …");
    expect(say({ type: "computed", id: "c", field: "orders", op: "between", value: 2 })).toBe(
      "orders is between 2 and …",
    );
  });

  it("behavior: counts, never, windows", () => {
    expect(
      say({ ...viewedShoes, filters: [], count: { op: "at_least", value: 1 }, window: { kind: "ever" } } as Condition),
    ).toBe('did "Product Viewed" at least once');
    expect(
      say({ ...viewedShoes, count: { op: "never", value: 1 }, window: { kind: "last_days", days: 1 } } as Condition),
    ).toBe('never did "Product Viewed" where category is "shoes" in the last day');
    expect(
      say({
        ...viewedShoes,
        filters: [],
        count: { op: "exactly", value: 2 },
        window: { kind: "between", from: "2026-05-01", to: "2026-05-31" },
      } as Condition),
    ).toBe('did "Product Viewed" exactly 2 times between May 1, 2026 and May 31, 2026');
  });

  it("aggregate with filters, a range and every window", () => {
    const c: Condition = {
      ...revenue,
      fn: "avg",
      filters: [
        { property: "currency", valueType: "string", op: "in", values: ["EUR", "USD"] },
        { property: "items", valueType: "number", op: "gt", value: 1 },
      ],
      op: "between",
      value: 50,
      to: 100,
      window: { kind: "ever" },
    } as Condition;
    expect(say(c)).toBe(
      'average of revenue of "Order Completed" where currency is one of "EUR", "USD" and items is more than 1 is between 50 and 100',
    );
    expect(say({ ...revenue, fn: "count_distinct", property: "sku", op: "gte", value: 3 } as Condition)).toBe(
      'distinct count of sku of "Order Completed" in the last 90 days is at least 3',
    );
  });

  it("computed values", () => {
    expect(say({ type: "computed", id: "c", field: "days_since_last_order", op: "gt", value: 30 })).toBe(
      "days since last order is more than 30",
    );
    expect(say({ type: "computed", id: "c", field: "rfm_recency", op: "gte", value: 4 })).toBe(
      "RFM recency score is at least 4",
    );
    expect(say({ type: "computed", id: "c", field: "revenue", op: "is_not_set" })).toBe("revenue is not set");
  });

  it("segment membership, by name", () => {
    expect(say({ type: "segment", id: "s", segmentId: "vip", op: "not_in" })).toBe('is not in segment "VIP customers"');
    expect(say({ type: "segment", id: "s", segmentId: "gone", op: "in" })).toBe("is in an unknown segment");
    expect(say({ type: "segment", id: "s", segmentId: "", op: "in" })).toBe("is in segment …");
  });

  it("visit context", () => {
    expect(
      say({ type: "context", id: "x", field: "path", valueType: "string", op: "starts_with", value: "/sale" }),
    ).toBe('the page path starts with "/sale"');
    expect(
      say({ type: "context", id: "x", field: "local_hour", valueType: "number", op: "between", value: 18, to: 23 }),
    ).toBe("the local hour is between 18 and 23");
    expect(say({ type: "context", id: "x", field: "visitor", valueType: "string", op: "equals", value: "new" })).toBe(
      'the visitor is "new"',
    );
  });
});

describe("WINDOW_LABEL", () => {
  it("names each kind of window", () => {
    expect(WINDOW_LABEL({ kind: "last_days", days: 7 })).toBe("in the last 7 days");
    expect(WINDOW_LABEL({ kind: "between", from: "2026-01-01", to: "2026-12-31" })).toBe(
      "between Jan 1, 2026 and Dec 31, 2026",
    );
    expect(WINDOW_LABEL({ kind: "ever" })).toBe("ever");
  });
});
