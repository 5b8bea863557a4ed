import type { Condition, RuleGroup } from "./schema";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";

/** A starting point for a segment, in the builder's "New segment" menu. */
export type SegmentTemplate = { key: string; name: string; description: string; rule: RuleGroup };

const rule = (...children: Condition[]): RuleGroup => ({ type: "group", id: "root", combinator: "and", children });
const never = (id: string, event: string, days: number): Condition => ({
  type: "behavior",
  id,
  event,
  filters: [],
  count: { op: "never", value: 0 },
  window: { kind: "last_days", days },
});
const atLeast = (id: string, event: string, times: number, days: number): Condition => ({
  type: "behavior",
  id,
  event,
  filters: [],
  count: { op: "at_least", value: times },
  window: { kind: "last_days", days },
});
const computed = (
  id: string,
  field: Extract<Condition, { type: "computed" }>["field"],
  op: "gte" | "lt",
  value: number,
): Condition => ({ type: "computed", id, field, op, value });

export const SEGMENT_TEMPLATES: SegmentTemplate[] = [
  {
    key: "rfm-champions",
    name: "RFM champions",
    description:
      "Bought recently, often and for a lot: the top two quintiles of recency, frequency and monetary value.",
    rule: rule(
      computed("r", "rfm_recency", "gte", 4),
      computed("f", "rfm_frequency", "gte", 4),
      computed("m", "rfm_monetary", "gte", 4),
    ),
  },
  {
    key: "at-risk",
    name: "At-risk customers",
    description: "Bought before, but nothing in the last 60 days.",
    rule: rule(computed("o", "orders", "gte", 1), never("n", ORDER_EVENT, 60)),
  },
  {
    key: "cart-abandoners",
    name: "Cart abandoners",
    description: "Added a product to the cart in the last 24 hours and did not buy.",
    rule: rule(atLeast("a", "Product Added", 1, 1), never("n", ORDER_EVENT, 1)),
  },
  {
    key: "window-shoppers",
    name: "Window shoppers",
    description: "Viewed at least 5 products in the last 30 days without buying anything.",
    rule: rule(atLeast("v", "Product Viewed", 5, 30), never("n", ORDER_EVENT, 30)),
  },
  {
    key: "new-visitors",
    name: "New visitors",
    description: "First seen in the last 7 days.",
    rule: rule(computed("d", "days_since_first_seen", "lt", 7)),
  },
];

export const findTemplate = (key: string | undefined) => SEGMENT_TEMPLATES.find((t) => t.key === key);
