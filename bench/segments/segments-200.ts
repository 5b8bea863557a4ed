// 200 realistic segments over the demo's vocabulary, from a seeded generator
// (the same 200 on every run): the in-memory benchmark's snapshot.
import type { Condition, RuleGroup } from "@/lib/segments/schema";

const COUNTRIES = ["US", "DE", "GB", "FR", "NL", "ES", "IT", "JP", "CA", "AU"];
const CATEGORIES = ["shoes", "apparel", "accessories", "bags", "outdoor", "beauty", "home", "electronics"];
const EVENTS = ["Product Viewed", "Product Added", "Checkout Started", "Order Completed"];

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchSegments(count = 200, seed = 7): RuleGroup[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  let n = 0;
  const id = () => `c${n++}`;
  const makers: (() => Condition)[] = [
    () => ({
      type: "trait",
      id: id(),
      key: "country",
      valueType: "string",
      op: "in",
      values: [pick(COUNTRIES), pick(COUNTRIES)],
    }),
    () => ({
      type: "trait",
      id: id(),
      key: "loyalty_tier",
      valueType: "string",
      op: "equals",
      value: pick(["bronze", "silver", "gold"]),
    }),
    () => ({
      type: "trait",
      id: id(),
      key: "email",
      valueType: "string",
      op: "ends_with",
      value: pick([".com", ".de", "@example.com"]),
    }),
    () => ({
      type: "behavior",
      id: id(),
      event: "Product Viewed",
      filters: [{ property: "category", valueType: "string", op: "equals", value: pick(CATEGORIES) }],
      count: { op: "at_least", value: int(1, 5) },
      window: { kind: "last_days", days: pick([7, 14, 30]) },
    }),
    () => ({
      type: "behavior",
      id: id(),
      event: pick(EVENTS),
      filters: [],
      count: { op: pick(["at_least", "at_most", "never"] as const), value: int(1, 4) },
      window: { kind: "last_days", days: pick([1, 7, 30, 90]) },
    }),
    () => ({
      type: "aggregate",
      id: id(),
      event: "Order Completed",
      filters: [],
      fn: "sum",
      property: "revenue",
      op: "gt",
      value: int(50, 500),
      window: { kind: "last_days", days: pick([30, 90]) },
    }),
    () => ({
      type: "aggregate",
      id: id(),
      event: "Product Viewed",
      filters: [],
      fn: "count_distinct",
      property: "product_id",
      op: "gte",
      value: int(2, 10),
      window: { kind: "last_days", days: 30 },
    }),
    () => ({
      type: "computed",
      id: id(),
      field: pick(["rfm_recency", "rfm_frequency", "rfm_monetary"] as const),
      op: "gte",
      value: int(3, 5),
    }),
    () => ({
      type: "computed",
      id: id(),
      field: "days_since_last_order",
      op: pick(["gte", "lt"] as const),
      value: int(14, 90),
    }),
    () => ({
      type: "context",
      id: id(),
      field: "device",
      valueType: "string",
      op: "equals",
      value: pick(["mobile", "desktop"]),
    }),
  ];
  return Array.from({ length: count }, (_, i) => ({
    type: "group" as const,
    id: `s${i}`,
    combinator: "and" as const,
    children: [
      pick(makers)(),
      pick(makers)(),
      { type: "group" as const, id: `g${i}`, combinator: "or" as const, children: [pick(makers)(), pick(makers)()] },
    ],
  }));
}
