import type { Condition } from "../schema";
import type { ComputedValues, SegmentEvent } from "../state";
import { DAY_MS } from "@/lib/time";

/*
 * Every operator at its edges, with the expected answer written by hand.
 * The unit test runs them through `evaluate`, an integration test through
 * `toSql` on Postgres: both must give the answer written here.
 */

export const EDGE_NOW = Date.UTC(2026, 10, 23, 12);
const ago = (days: number, ms = 0) => EDGE_NOW - days * DAY_MS + ms;

export type EdgeCase = {
  name: string;
  condition: Condition;
  traits?: Record<string, unknown>;
  events?: SegmentEvent[];
  computed?: Partial<ComputedValues>;
  expected: boolean;
};

export const baseComputed: ComputedValues = {
  orders: 0,
  revenue: "0.00",
  sessions: 0,
  eventCount: 0,
  firstSeenAt: ago(10),
  lastSeenAt: ago(1),
  lastOrderAt: null,
  rfmRecency: null,
  rfmFrequency: null,
  rfmMonetary: null,
};

const trait = (key: string, c: Record<string, unknown>) => ({ type: "trait", id: "c", key, ...c }) as Condition;
const viewed = (days: number, ms = 0, properties: Record<string, unknown> = {}): SegmentEvent => ({
  name: "Product Viewed",
  occurredAt: ago(days, ms),
  properties,
});
const behavior = (count: { op: string; value: number }, window: Record<string, unknown>, filters: unknown[] = []) =>
  ({ type: "behavior", id: "c", event: "Product Viewed", filters, count, window }) as Condition;
const aggregate = (fn: string, op: string, value: number, to?: number) =>
  ({
    type: "aggregate",
    id: "c",
    event: "Product Viewed",
    filters: [],
    fn,
    property: "price",
    op,
    value,
    to,
    window: { kind: "ever" },
  }) as Condition;
const computed = (field: string, op: string, value?: number, to?: number) =>
  ({ type: "computed", id: "c", field, op, value, to }) as Condition;
const s = (op: string, value?: string, values?: string[]) => ({ valueType: "string", op, value, values });
const n = (op: string, value?: number, to?: number) => ({ valueType: "number", op, value, to });
const d = (op: string, extra: Record<string, unknown> = {}) => ({ valueType: "date", op, ...extra });

export const EDGE_CASES: EdgeCase[] = [
  // strings
  {
    name: "equals is exact",
    condition: trait("country", s("equals", "DE")),
    traits: { country: "DE" },
    expected: true,
  },
  {
    name: "equals respects case",
    condition: trait("country", s("equals", "DE")),
    traits: { country: "de" },
    expected: false,
  },
  {
    name: "equals the empty string",
    condition: trait("country", s("equals", "")),
    traits: { country: "" },
    expected: true,
  },
  { name: "equals on a missing trait", condition: trait("country", s("equals", "DE")), traits: {}, expected: false },
  {
    name: "equals on a number trait",
    condition: trait("zip", s("equals", "10115")),
    traits: { zip: 10115 },
    expected: false,
  },
  {
    name: "not equals on a missing trait",
    condition: trait("country", s("not_equals", "DE")),
    traits: {},
    expected: true,
  },
  {
    name: "not equals on the same value",
    condition: trait("country", s("not_equals", "DE")),
    traits: { country: "DE" },
    expected: false,
  },
  {
    name: "contains ignores ASCII case",
    condition: trait("city", s("contains", "BERL")),
    traits: { city: "berlin" },
    expected: true,
  },
  {
    name: "contains the empty string",
    condition: trait("city", s("contains", "")),
    traits: { city: "" },
    expected: true,
  },
  {
    name: "contains keeps non-ASCII case",
    condition: trait("city", s("contains", "ä")),
    traits: { city: "Ärger" },
    expected: false,
  },
  {
    name: "contains takes % literally",
    condition: trait("code", s("contains", "%")),
    traits: { code: "50%_off" },
    expected: true,
  },
  {
    name: "contains _ is not a wildcard",
    condition: trait("code", s("contains", "_x")),
    traits: { code: "ab" },
    expected: false,
  },
  {
    name: "not contains on a missing trait",
    condition: trait("city", s("not_contains", "x")),
    traits: {},
    expected: true,
  },
  {
    name: "starts with",
    condition: trait("email", s("starts_with", "ANA")),
    traits: { email: "ana@shop.test" },
    expected: true,
  },
  {
    name: "starts with a longer needle",
    condition: trait("email", s("starts_with", "anastasia")),
    traits: { email: "ana" },
    expected: false,
  },
  {
    name: "ends with",
    condition: trait("email", s("ends_with", "@SHOP.TEST")),
    traits: { email: "ana@shop.test" },
    expected: true,
  },
  {
    name: "ends with a longer needle",
    condition: trait("email", s("ends_with", "xana")),
    traits: { email: "ana" },
    expected: false,
  },
  {
    name: "in a list",
    condition: trait("country", s("in", undefined, ["DE", "AT"])),
    traits: { country: "AT" },
    expected: true,
  },
  {
    name: "in a list is exact",
    condition: trait("country", s("in", undefined, ["DE", "AT"])),
    traits: { country: "at" },
    expected: false,
  },
  {
    name: "not in a list on a missing trait",
    condition: trait("country", s("not_in", undefined, ["DE"])),
    traits: {},
    expected: true,
  },
  {
    name: "is set: the empty string is not",
    condition: trait("email", s("is_set")),
    traits: { email: "" },
    expected: false,
  },
  { name: "is set: null is not", condition: trait("email", s("is_set")), traits: { email: null }, expected: false },
  { name: "is set: false is", condition: trait("vip", s("is_set")), traits: { vip: false }, expected: true },
  { name: "is not set on a missing trait", condition: trait("email", s("is_not_set")), traits: {}, expected: true },
  // numbers
  { name: "gt at the edge", condition: trait("age", n("gt", 30)), traits: { age: 30 }, expected: false },
  { name: "gte at the edge", condition: trait("age", n("gte", 30)), traits: { age: 30 }, expected: true },
  { name: "lt on a numeric string", condition: trait("age", n("lt", 30)), traits: { age: "20" }, expected: false },
  {
    name: "between is inclusive (low)",
    condition: trait("age", n("between", 18, 30)),
    traits: { age: 18 },
    expected: true,
  },
  {
    name: "between is inclusive (high)",
    condition: trait("age", n("between", 18, 30)),
    traits: { age: 30 },
    expected: true,
  },
  { name: "between above", condition: trait("age", n("between", 18, 30)), traits: { age: 30.5 }, expected: false },
  { name: "eq of decimals", condition: trait("score", n("eq", 0.3)), traits: { score: 0.3 }, expected: true },
  { name: "neq on a missing trait", condition: trait("age", n("neq", 30)), traits: {}, expected: true },
  { name: "lt on a missing trait", condition: trait("age", n("lt", 30)), traits: {}, expected: false },
  // booleans
  {
    name: "is true",
    condition: trait("vip", { valueType: "boolean", op: "is_true" }),
    traits: { vip: true },
    expected: true,
  },
  {
    name: "is true on the string true",
    condition: trait("vip", { valueType: "boolean", op: "is_true" }),
    traits: { vip: "true" },
    expected: false,
  },
  {
    name: "is false on a missing trait",
    condition: trait("vip", { valueType: "boolean", op: "is_false" }),
    traits: {},
    expected: false,
  },
  // dates and time zones
  {
    name: "before a date (the day before)",
    condition: trait("signup", d("before", { date: "2026-05-01" })),
    traits: { signup: "2026-04-30T23:59:59.999Z" },
    expected: true,
  },
  {
    name: "before a date (its midnight)",
    condition: trait("signup", d("before", { date: "2026-05-01" })),
    traits: { signup: "2026-05-01" },
    expected: false,
  },
  {
    name: "after a date (on the day)",
    condition: trait("signup", d("after", { date: "2026-05-01" })),
    traits: { signup: "2026-05-01T23:59:59Z" },
    expected: false,
  },
  {
    name: "after a date (the next midnight)",
    condition: trait("signup", d("after", { date: "2026-05-01" })),
    traits: { signup: "2026-05-02T00:00:00Z" },
    expected: true,
  },
  {
    name: "an offset moves the day",
    condition: trait("signup", d("after", { date: "2026-05-01" })),
    traits: { signup: "2026-05-01T23:30:00-02:00" },
    expected: true,
  },
  {
    name: "an offset moves the day back",
    condition: trait("signup", d("before", { date: "2026-05-01" })),
    traits: { signup: "2026-05-01T01:00:00+02:00" },
    expected: true,
  },
  {
    name: "no offset means UTC",
    condition: trait("signup", d("before", { date: "2026-05-01" })),
    traits: { signup: "2026-04-30T23:00" },
    expected: true,
  },
  {
    name: "within the last 7 days: exactly 7 days ago is out",
    condition: trait("seen", d("within_last_days", { days: 7 })),
    traits: { seen: new Date(ago(7)).toISOString() },
    expected: false,
  },
  {
    name: "within the last 7 days: a millisecond later is in",
    condition: trait("seen", d("within_last_days", { days: 7 })),
    traits: { seen: new Date(ago(7, 1)).toISOString() },
    expected: true,
  },
  {
    name: "within the last 7 days: the future is out",
    condition: trait("seen", d("within_last_days", { days: 7 })),
    traits: { seen: new Date(ago(0, 1)).toISOString() },
    expected: false,
  },
  {
    name: "more than 7 days ago: exactly 7 days is in",
    condition: trait("seen", d("more_than_days_ago", { days: 7 })),
    traits: { seen: new Date(ago(7)).toISOString() },
    expected: true,
  },
  {
    name: "an impossible date is no date",
    condition: trait("signup", d("before", { date: "2026-05-01" })),
    traits: { signup: "2026-02-30" },
    expected: false,
  },
  {
    name: "24:00 is no time",
    condition: trait("signup", d("before", { date: "2027-01-01" })),
    traits: { signup: "2026-02-01T24:00:00Z" },
    expected: false,
  },
  {
    name: "a leap day is a date",
    condition: trait("signup", d("before", { date: "2024-03-01" })),
    traits: { signup: "2024-02-29" },
    expected: true,
  },
  {
    name: "a non-ISO date is no date",
    condition: trait("signup", d("before", { date: "2027-01-01" })),
    traits: { signup: "23/11/2026" },
    expected: false,
  },
  // behavior windows
  {
    name: "last 7 days: exactly 7 days ago is out",
    condition: behavior({ op: "at_least", value: 1 }, { kind: "last_days", days: 7 }),
    events: [viewed(7)],
    expected: false,
  },
  {
    name: "last 7 days: a millisecond later is in",
    condition: behavior({ op: "at_least", value: 1 }, { kind: "last_days", days: 7 }),
    events: [viewed(7, 1)],
    expected: true,
  },
  {
    name: "last 7 days: now is in",
    condition: behavior({ op: "at_least", value: 1 }, { kind: "last_days", days: 7 }),
    events: [viewed(0)],
    expected: true,
  },
  {
    name: "between dates: the last day counts whole",
    condition: behavior({ op: "at_least", value: 1 }, { kind: "between", from: "2026-11-01", to: "2026-11-10" }),
    events: [{ name: "Product Viewed", occurredAt: Date.UTC(2026, 10, 10, 23, 59, 59, 999), properties: {} }],
    expected: true,
  },
  {
    name: "between dates: the next midnight is out",
    condition: behavior({ op: "at_least", value: 1 }, { kind: "between", from: "2026-11-01", to: "2026-11-10" }),
    events: [{ name: "Product Viewed", occurredAt: Date.UTC(2026, 10, 11), properties: {} }],
    expected: false,
  },
  {
    name: "at least 3: three",
    condition: behavior({ op: "at_least", value: 3 }, { kind: "ever" }),
    events: [viewed(1), viewed(2), viewed(3)],
    expected: true,
  },
  {
    name: "at least 3: two",
    condition: behavior({ op: "at_least", value: 3 }, { kind: "ever" }),
    events: [viewed(1), viewed(2)],
    expected: false,
  },
  {
    name: "at most 2: none at all",
    condition: behavior({ op: "at_most", value: 2 }, { kind: "ever" }),
    events: [],
    expected: true,
  },
  {
    name: "at most 2: three",
    condition: behavior({ op: "at_most", value: 2 }, { kind: "ever" }),
    events: [viewed(1), viewed(2), viewed(3)],
    expected: false,
  },
  {
    name: "exactly 2",
    condition: behavior({ op: "exactly", value: 2 }, { kind: "ever" }),
    events: [viewed(1), viewed(2)],
    expected: true,
  },
  {
    name: "never: only outside the window",
    condition: behavior({ op: "never", value: 0 }, { kind: "last_days", days: 1 }),
    events: [viewed(2)],
    expected: true,
  },
  {
    name: "a property filter",
    condition: behavior({ op: "at_least", value: 2 }, { kind: "last_days", days: 7 }, [
      { property: "category", valueType: "string", op: "equals", value: "shoes" },
    ]),
    events: [
      viewed(1, 0, { category: "shoes" }),
      viewed(2, 0, { category: "bags" }),
      viewed(3, 0, { category: "shoes" }),
    ],
    expected: true,
  },
  {
    // to-sql reads events with small and large properties from two partial indexes: both halves count
    name: "a property filter across events with small and very large properties",
    condition: behavior({ op: "at_least", value: 3 }, { kind: "last_days", days: 7 }, [
      { property: "category", valueType: "string", op: "equals", value: "shoes" },
    ]),
    events: [
      viewed(1, 0, { category: "shoes" }),
      viewed(2, 0, { category: "shoes", notes: "x".repeat(1_000) }),
      viewed(3, 0, { category: "shoes", notes: "y".repeat(5_000) }),
    ],
    expected: true,
  },
  {
    name: "a property filter on a missing property",
    condition: behavior({ op: "at_least", value: 1 }, { kind: "ever" }, [
      { property: "price", valueType: "number", op: "gt", value: 100 },
    ]),
    events: [viewed(1, 0, { category: "shoes" })],
    expected: false,
  },
  // aggregates
  {
    name: "sum is exact",
    condition: aggregate("sum", "eq", 0.3),
    events: [viewed(1, 0, { price: 0.1 }), viewed(2, 0, { price: 0.2 })],
    expected: true,
  },
  { name: "sum of nothing is 0", condition: aggregate("sum", "lt", 10), events: [], expected: true },
  {
    name: "sum skips non-numbers",
    condition: aggregate("sum", "eq", 5),
    events: [viewed(1, 0, { price: 5 }), viewed(2, 0, { price: "7" })],
    expected: true,
  },
  {
    name: "avg is exact",
    condition: aggregate("avg", "eq", 0.1),
    events: [viewed(1, 0, { price: 0.1 }), viewed(2, 0, { price: 0.1 }), viewed(3, 0, { price: 0.1 })],
    expected: true,
  },
  { name: "avg of nothing does not exist", condition: aggregate("avg", "lt", 10), events: [], expected: false },
  { name: "avg of nothing is not 5", condition: aggregate("avg", "neq", 5), events: [], expected: true },
  {
    name: "min",
    condition: aggregate("min", "eq", -1),
    events: [viewed(1, 0, { price: 3 }), viewed(2, 0, { price: -1 })],
    expected: true,
  },
  {
    name: "max between",
    condition: aggregate("max", "between", 3, 3),
    events: [viewed(1, 0, { price: 3 }), viewed(2, 0, { price: -1 })],
    expected: true,
  },
  {
    name: "distinct values",
    condition: aggregate("count_distinct", "eq", 2),
    events: [viewed(1, 0, { price: 3 }), viewed(2, 0, { price: 3 }), viewed(3, 0, { price: "3" })],
    expected: true,
  },
  // computed values
  {
    name: "revenue is exact",
    condition: computed("revenue", "eq", 0.3),
    computed: { revenue: "0.30" },
    expected: true,
  },
  {
    name: "average order value",
    condition: computed("average_order_value", "gte", 33.33),
    computed: { orders: 3, revenue: "100.00" },
    expected: true,
  },
  {
    name: "average order value without orders",
    condition: computed("average_order_value", "lt", 100),
    computed: { orders: 0 },
    expected: false,
  },
  {
    name: "days since last order: 60 days",
    condition: computed("days_since_last_order", "gte", 60),
    computed: { lastOrderAt: ago(60) },
    expected: true,
  },
  {
    name: "days since last order: a millisecond short",
    condition: computed("days_since_last_order", "gte", 60),
    computed: { lastOrderAt: ago(60, 1) },
    expected: false,
  },
  {
    name: "days since last order without orders",
    condition: computed("days_since_last_order", "gte", 60),
    computed: { lastOrderAt: null },
    expected: false,
  },
  {
    name: "RFM not computed is not set",
    condition: computed("rfm_recency", "is_not_set"),
    computed: { rfmRecency: null },
    expected: true,
  },
  {
    name: "RFM ≠ 5 when not computed",
    condition: computed("rfm_recency", "neq", 5),
    computed: { rfmRecency: null },
    expected: true,
  },
  // context is ignored without a visit
  {
    name: "context counts as matched without a visit",
    condition: {
      type: "context",
      id: "c",
      field: "country",
      valueType: "string",
      op: "equals",
      value: "XX",
    } as Condition,
    expected: true,
  },
];
