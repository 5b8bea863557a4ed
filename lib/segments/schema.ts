import { z } from "zod";
import { MAX_CONDITIONS, MAX_DEPTH, MAX_GROUPS, ruleSizeIssues, type RuleIssue } from "./rule-size";
import { parseTimestamp } from "./values";

/**
 * The segment rule tree: nested AND/OR groups (each can be negated) of
 * conditions. One schema for the builder, the actions, the in-memory
 * interpreter (`evaluate`) and the SQL compiler (`toSql`).
 *
 * Shared meaning, whatever the interpreter:
 * - A trait or property value only satisfies an operator of its JSON type
 *   (a string operator never matches a number). Negative operators
 *   (`not_equals`, `not_in`, `neq`) also match a missing or differently
 *   typed value: "country is not DE" includes profiles without a country.
 * - String comparisons are exact for `equals`/`in`, and ignore ASCII case
 *   for `contains`, `starts_with` and `ends_with`.
 * - Dates are ISO 8601 strings (`2026-05-01`, `2026-05-01T10:00:00Z`,
 *   `…+02:00`); without an offset they are UTC. Windows are exact:
 *   "last 7 days" is (now − 7×24 h, now].
 */

export { MAX_CONDITIONS, MAX_DEPTH, MAX_GROUPS };
/**
 * Children of one group in any rule read, stored ones included (saved under
 * earlier limits: up to 60). New rules are held to the size limits of
 * `rule-size.ts` by `segmentRuleSchema`.
 */
const MAX_CHILDREN = 200;
const id = z.string().min(1).max(40);
const key = z.string().trim().min(1, "Choose a field").max(120);
const text = z.string().max(500);
const finite = z.number().finite();
const days = z.number().int("Whole days").min(1, "At least 1 day").max(3650, "At most 10 years");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A date like 2026-05-01")
  .refine((d) => parseTimestamp(d) !== null, "Not a date in the calendar");

export const STRING_OPS = [
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
] as const;
export const NUMBER_OPS = ["eq", "neq", "lt", "lte", "gt", "gte", "between", "is_set", "is_not_set"] as const;
export const BOOLEAN_OPS = ["is_true", "is_false", "is_set", "is_not_set"] as const;
export const DATE_OPS = ["before", "after", "within_last_days", "more_than_days_ago", "is_set", "is_not_set"] as const;

/** A comparison of one value, by its type. Used for traits and for event properties. */
export const comparisonSchema = z.discriminatedUnion("valueType", [
  z.object({
    valueType: z.literal("string"),
    op: z.enum(STRING_OPS),
    value: text.optional(),
    values: z.array(text).max(200).optional(),
  }),
  z.object({ valueType: z.literal("number"), op: z.enum(NUMBER_OPS), value: finite.optional(), to: finite.optional() }),
  z.object({ valueType: z.literal("boolean"), op: z.enum(BOOLEAN_OPS) }),
  z.object({ valueType: z.literal("date"), op: z.enum(DATE_OPS), date: isoDate.optional(), days: days.optional() }),
]);
export type Comparison = z.infer<typeof comparisonSchema>;

/** Where events count: a sliding window of days, two calendar dates (UTC, inclusive), or ever. */
export const windowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("last_days"), days }),
  z.object({ kind: z.literal("between"), from: isoDate, to: isoDate }),
  z.object({ kind: z.literal("ever") }),
]);
export type EventWindow = z.infer<typeof windowSchema>;

export const propertyFilterSchema = z.intersection(z.object({ property: key }), comparisonSchema);
export type PropertyFilter = z.infer<typeof propertyFilterSchema>;

export const COUNT_OPS = ["at_least", "at_most", "exactly", "never"] as const;
export const AGGREGATE_FNS = ["sum", "avg", "min", "max", "count_distinct"] as const;
export const NUMERIC_OPS = ["eq", "neq", "lt", "lte", "gt", "gte", "between"] as const;

/** Profile values computed from events (lib/profiles) that conditions can read. */
export const COMPUTED_FIELDS = [
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
] as const;
export type ComputedField = (typeof COMPUTED_FIELDS)[number];

export const CONTEXT_FIELDS = [
  "url",
  "path",
  "referrer",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "device",
  "country",
  "local_hour",
  "weekday",
  "visitor",
] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

const traitCondition = z.intersection(z.object({ type: z.literal("trait"), id, key }), comparisonSchema);

const behaviorCondition = z.object({
  type: z.literal("behavior"),
  id,
  event: key,
  filters: z.array(propertyFilterSchema).max(10).default([]),
  count: z.object({ op: z.enum(COUNT_OPS), value: z.number().int().min(0).max(1_000_000).default(1) }),
  window: windowSchema,
});

const aggregateCondition = z.object({
  type: z.literal("aggregate"),
  id,
  event: key,
  filters: z.array(propertyFilterSchema).max(10).default([]),
  fn: z.enum(AGGREGATE_FNS),
  property: key,
  op: z.enum(NUMERIC_OPS),
  value: finite,
  to: finite.optional(),
  window: windowSchema,
});

const computedCondition = z.object({
  type: z.literal("computed"),
  id,
  field: z.enum(COMPUTED_FIELDS),
  op: z.enum(NUMBER_OPS),
  value: finite.optional(),
  to: finite.optional(),
});

const segmentCondition = z.object({
  type: z.literal("segment"),
  id,
  segmentId: z.string().min(1, "Choose a segment").max(40),
  op: z.enum(["in", "not_in"]),
});

const contextCondition = z.intersection(
  z.object({ type: z.literal("context"), id, field: z.enum(CONTEXT_FIELDS) }),
  comparisonSchema,
);

export const conditionSchema = z.union([
  traitCondition,
  behaviorCondition,
  aggregateCondition,
  computedCondition,
  segmentCondition,
  contextCondition,
]);
export type Condition = z.infer<typeof conditionSchema>;
export type TraitCondition = z.infer<typeof traitCondition>;
export type BehaviorCondition = z.infer<typeof behaviorCondition>;
export type AggregateCondition = z.infer<typeof aggregateCondition>;
export type ComputedCondition = z.infer<typeof computedCondition>;
export type SegmentCondition = z.infer<typeof segmentCondition>;
export type ContextCondition = z.infer<typeof contextCondition>;

export type RuleGroup = { type: "group"; id: string; combinator: "and" | "or"; not?: boolean; children: RuleNode[] };
export type RuleNode = RuleGroup | Condition;

export const ruleGroupSchema: z.ZodType<RuleGroup> = z.lazy(() =>
  z.object({
    type: z.literal("group"),
    id,
    combinator: z.enum(["and", "or"]),
    not: z.boolean().optional(),
    children: z.array(z.union([ruleGroupSchema, conditionSchema])).max(MAX_CHILDREN),
  }),
);

/**
 * A whole rule as a marketer saves or previews it: within the size limits
 * (conditions, groups, depth; checked before the tree is parsed, so an
 * oversized payload is refused early and with one clear message), then the
 * root group with its operands checked (see checkRule).
 */
export const segmentRuleSchema = z
  .unknown()
  .superRefine((raw, ctx) => {
    for (const issue of ruleSizeIssues(raw)) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  })
  .pipe(
    ruleGroupSchema.superRefine((rule, ctx) => {
      for (const issue of checkRule(rule)) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    }),
  );

/** The empty rule: matches everyone. */
export const emptyRule = (): RuleGroup => ({ type: "group", id: "root", combinator: "and", children: [] });

/** Operands each operator needs (value, list, range, date or days); the tree's size is ruleSizeIssues' to check. */
export function checkRule(root: RuleGroup): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const visit = (node: RuleNode, path: (string | number)[]) => {
    if (node.type === "group") {
      node.children.forEach((child, i) => visit(child, [...path, "children", i]));
      return;
    }
    const at = (field: string, message: string) => issues.push({ path: [...path, field], message });
    if (node.type === "trait" || node.type === "context") checkComparison(node, at);
    if (node.type === "behavior" || node.type === "aggregate") {
      node.filters.forEach((f, i) =>
        checkComparison(f, (field, message) => issues.push({ path: [...path, "filters", i, field], message })),
      );
      if (node.window.kind === "between" && node.window.from > node.window.to)
        at("window", "The first date must not be after the second");
    }
    if (node.type === "behavior" && node.count.op === "exactly" && node.count.value < 0)
      at("count", "A count is 0 or more");
    if (node.type === "behavior" && node.count.op === "at_least" && node.count.value < 1) at("count", "At least 1");
    if (node.type === "aggregate" && node.op === "between" && (node.to === undefined || node.to < node.value))
      at("to", "Give an upper bound at least the lower one");
    if (node.type === "computed") checkNumber(node, at);
  };
  visit(root, []);
  return issues;
}

type At = (field: string, message: string) => void;

function checkNumber(c: { op: string; value?: number; to?: number }, at: At) {
  if (c.op === "is_set" || c.op === "is_not_set") return;
  if (c.value === undefined) return at("value", "Enter a number");
  if (c.op === "between" && (c.to === undefined || c.to < c.value))
    at("to", "Give an upper bound at least the lower one");
}

function checkComparison(c: Comparison, at: At) {
  switch (c.valueType) {
    case "string":
      if (c.op === "in" || c.op === "not_in") {
        if (!c.values || c.values.length === 0) at("values", "Enter at least one value");
      } else if (c.op !== "is_set" && c.op !== "is_not_set" && c.value === undefined) at("value", "Enter a value");
      return;
    case "number":
      return checkNumber(c, at);
    case "boolean":
      return;
    case "date":
      if ((c.op === "before" || c.op === "after") && !c.date) at("date", "Choose a date");
      if ((c.op === "within_last_days" || c.op === "more_than_days_ago") && c.days === undefined)
        at("days", "Enter a number of days");
      return;
  }
}
