import fc from "fast-check";
import type { Comparison, Condition, EventWindow, PropertyFilter, RuleGroup, RuleNode } from "../schema";
import type { ComputedValues, SegmentEvent } from "../state";
import { DAY_MS } from "@/lib/time";

/*
 * Random rules and profiles for the parity test. Operands and data are drawn
 * from one small universe, so that conditions often match, and times cluster
 * on window edges (exactly N days before now, a millisecond either side).
 */

/** The fixed "now" of every parity run: 2026-11-23T12:00:00.000Z. */
export const NOW = Date.UTC(2026, 10, 23, 12);

const TRAITS = {
  country: "string",
  plan: "string",
  age: "number",
  vip: "boolean",
  birthday: "date",
  score: "number",
} as const;
export const TRAIT_KEYS = Object.keys(TRAITS) as (keyof typeof TRAITS)[];
export const EVENT_NAMES = ["Product Viewed", "Order Completed", "Added to Cart"] as const;
const PROPERTIES = {
  category: "string",
  price: "number",
  sku: "string",
  on_sale: "boolean",
  released: "date",
} as const;
export const PROPERTY_KEYS = Object.keys(PROPERTIES) as (keyof typeof PROPERTIES)[];
export const STATIC_SEGMENT = "seg_static";
export const DYNAMIC_SEGMENT = "seg_dynamic";

const strings = fc.constantFrom(
  "",
  "DE",
  "de",
  "FR",
  "Shoes",
  "shoes",
  "running shoes",
  "SHOE",
  "pro",
  "Pro plan",
  "ß",
  "Ärger",
  "%_",
  "a'b",
);
const numbers = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(0, 1, 2, 3, 5, 10, 99.99, 100, 200, -1, 0.1, 0.2, 0.3, 0.30000000000000004, 1e21),
  },
  { weight: 1, arbitrary: fc.integer({ min: -50, max: 500 }) },
);
const dayOffsets = fc.constantFrom(0, 1, 7, 30);
/** Times on and around window edges. */
const times = fc
  .tuple(dayOffsets, fc.constantFrom(-1, 0, 0, 0, 1, 3_600_000, -13 * 3_600_000))
  .map(([d, delta]) => NOW - d * DAY_MS + delta);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dates = fc.oneof(
  times.map((t) => new Date(t).toISOString()),
  times.map(isoDay),
  times.map((t) => new Date(t).toISOString().replace("Z", "+02:00")),
  times.map((t) => new Date(t).toISOString().slice(0, 16)),
  fc.constantFrom(
    "2026-02-30",
    "2026-04-31",
    "0000-01-01",
    "2024-02-29",
    "2026-11-23T24:00:00",
    "23/11/2026",
    "2026-11-23T10:00:00.5-05:30",
  ),
);
/** Any JSON value a trait or property may hold. */
const jsonValues: fc.Arbitrary<unknown> = fc.oneof(
  strings,
  numbers,
  fc.boolean(),
  dates,
  fc.constant(null),
  fc.constant(["a"]),
  fc.constant({ a: 1 }),
);

type Kind = Comparison["valueType"];
const typedValues: Record<Kind, fc.Arbitrary<unknown>> = {
  string: strings,
  number: numbers,
  boolean: fc.boolean(),
  date: dates,
};
/** A value of a key's usual type, now and then of any other. */
const valueOf = (kind: Kind) =>
  fc.oneof({ weight: 5, arbitrary: typedValues[kind] }, { weight: 1, arbitrary: jsonValues });

const anyComparison: fc.Arbitrary<Comparison> = fc.oneof(
  fc.record({
    valueType: fc.constant("string" as const),
    op: fc.constantFrom(
      "equals",
      "not_equals",
      "contains",
      "not_contains",
      "starts_with",
      "ends_with",
      "in",
      "not_in",
      "is_set",
      "is_not_set",
    ),
    value: strings,
    values: fc.array(strings, { minLength: 1, maxLength: 3 }),
  }),
  fc
    .record({
      valueType: fc.constant("number" as const),
      op: fc.constantFrom("eq", "neq", "lt", "lte", "gt", "gte", "between", "is_set", "is_not_set"),
      value: numbers,
      span: numbers,
    })
    .map(({ span, ...c }) => ({ ...c, to: c.value + Math.abs(span) })),
  fc.record({
    valueType: fc.constant("boolean" as const),
    op: fc.constantFrom("is_true", "is_false", "is_set", "is_not_set"),
  }),
  fc.record({
    valueType: fc.constant("date" as const),
    op: fc.constantFrom("before", "after", "within_last_days", "more_than_days_ago", "is_set", "is_not_set"),
    date: times.map(isoDay),
    days: fc.constantFrom(1, 7, 30),
  }),
);

const comparisonOf = (kind: Kind) =>
  fc.oneof(
    { weight: 4, arbitrary: anyComparison.filter((c) => c.valueType === kind) },
    { weight: 1, arbitrary: anyComparison },
  );

const window: fc.Arbitrary<EventWindow> = fc.oneof(
  fc.record({ kind: fc.constant("last_days" as const), days: fc.constantFrom(1, 7, 30) }),
  fc
    .tuple(times, times)
    .map(([a, b]) => ({ kind: "between" as const, from: isoDay(Math.min(a, b)), to: isoDay(Math.max(a, b)) })),
  fc.constant({ kind: "ever" as const }),
);
const filters: fc.Arbitrary<PropertyFilter[]> = fc.array(
  fc
    .constantFrom(...PROPERTY_KEYS)
    .chain((property) => comparisonOf(PROPERTIES[property]).map((c) => ({ property, ...c }))),
  { maxLength: 2 },
);
const id = fc.constant("c");

const condition: fc.Arbitrary<Condition> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...TRAIT_KEYS)
      .chain((key) => comparisonOf(TRAITS[key]).map((c) => ({ type: "trait" as const, id: "c", key, ...c }))),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant("behavior" as const),
      id,
      event: fc.constantFrom(...EVENT_NAMES),
      filters,
      count: fc
        .record({
          op: fc.constantFrom("at_least", "at_most", "exactly", "never"),
          value: fc.integer({ min: 0, max: 4 }),
        })
        .map((c) => (c.op === "at_least" ? { ...c, value: Math.max(1, c.value) } : c)),
      window,
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        type: fc.constant("aggregate" as const),
        id,
        event: fc.constantFrom(...EVENT_NAMES),
        filters,
        fn: fc.constantFrom("sum", "avg", "min", "max", "count_distinct"),
        property: fc.constantFrom(...PROPERTY_KEYS),
        op: fc.constantFrom("eq", "neq", "lt", "lte", "gt", "gte", "between"),
        value: numbers,
        span: numbers,
        window,
      })
      .map(({ span, ...c }) => ({ ...c, to: c.value + Math.abs(span) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        type: fc.constant("computed" as const),
        id,
        field: fc.constantFrom(
          "orders",
          "revenue",
          "average_order_value",
          "sessions",
          "event_count",
          "days_since_last_order",
          "days_since_last_seen",
          "days_since_first_seen",
          "rfm_recency",
          "rfm_frequency",
          "rfm_monetary",
        ),
        op: fc.constantFrom("eq", "neq", "lt", "lte", "gt", "gte", "between", "is_set", "is_not_set"),
        value: numbers,
        span: numbers,
      })
      .map(({ span, ...c }) => ({ ...c, to: c.value + Math.abs(span) })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("segment" as const),
      id,
      segmentId: fc.constantFrom(STATIC_SEGMENT, DYNAMIC_SEGMENT, "seg_missing"),
      op: fc.constantFrom("in", "not_in"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(id, fc.constantFrom("country", "device"), anyComparison)
      .map(([i, field, c]) => ({ type: "context" as const, id: i, field, ...c })),
  },
) as fc.Arbitrary<Condition>;

/** Random rule trees of one to four conditions at the root, with nested groups. */
const treeArbitrary = fc.letrec<{ group: RuleGroup; node: RuleNode }>((tie) => ({
  group: fc.record({
    type: fc.constant("group" as const),
    id: fc.constant("g"),
    combinator: fc.constantFrom("and" as const, "or" as const),
    not: fc.constantFrom(false, false, false, true),
    children: fc.array(tie("node"), { maxLength: 3 }),
  }),
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, condition, condition, tie("group")),
}));
export const ruleArbitrary: fc.Arbitrary<RuleGroup> = fc.record({
  type: fc.constant("group" as const),
  id: fc.constant("root"),
  combinator: fc.constantFrom("and" as const, "or" as const),
  not: fc.boolean(),
  children: fc.array(treeArbitrary.node, { minLength: 1, maxLength: 4 }),
});

export type GeneratedProfile = {
  traits: Record<string, unknown>;
  computed: ComputedValues;
  events: SegmentEvent[];
  inStaticSegment: boolean;
};

const nullableTime = fc.option(times, { nil: null });
const computed: fc.Arbitrary<ComputedValues> = fc.record({
  orders: fc.constantFrom(0, 1, 2, 3, 10),
  revenue: fc.constantFrom("0.00", "0.10", "0.30", "99.99", "100.00", "200.00", "1234.50"),
  sessions: fc.integer({ min: 0, max: 12 }),
  eventCount: fc.integer({ min: 0, max: 40 }),
  firstSeenAt: times,
  lastSeenAt: times,
  lastOrderAt: nullableTime,
  rfmRecency: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  rfmFrequency: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  rfmMonetary: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});

const event: fc.Arbitrary<SegmentEvent> = fc.record({
  name: fc.constantFrom(...EVENT_NAMES),
  occurredAt: times,
  properties: fc.record(Object.fromEntries(PROPERTY_KEYS.map((k) => [k, valueOf(PROPERTIES[k])])), {
    requiredKeys: [],
  }),
});

export const profileArbitrary: fc.Arbitrary<GeneratedProfile> = fc.record({
  traits: fc.record(Object.fromEntries(TRAIT_KEYS.map((k) => [k, valueOf(TRAITS[k])])), { requiredKeys: [] }),
  computed,
  events: fc.array(event, { maxLength: 8 }),
  inStaticSegment: fc.boolean(),
});
