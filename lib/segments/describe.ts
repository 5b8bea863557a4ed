import type {
  AggregateCondition,
  Comparison,
  ComputedField,
  Condition,
  ContextField,
  EventWindow,
  PropertyFilter,
  RuleGroup,
  RuleNode,
} from "./schema";
import { AGGREGATE_FNS, COUNT_OPS } from "./schema";

/**
 * A rule in marketer-readable English, and the words the builder shows for
 * operators and fields: one vocabulary for the sentence and the controls.
 * Incomplete operands (while a condition is being edited) read as "…".
 */

type ValueType = Comparison["valueType"];
type OpOf<T extends ValueType> = Extract<Comparison, { valueType: T }>["op"];

/** Operator words per value type. Date operators holding "… days" get the number of days put in. */
export const OPERATOR_LABELS: { [T in ValueType]: Record<OpOf<T>, string> } = {
  string: {
    equals: "is",
    not_equals: "is not",
    contains: "contains",
    not_contains: "does not contain",
    starts_with: "starts with",
    ends_with: "ends with",
    in: "is one of",
    not_in: "is not one of",
    is_set: "is set",
    is_not_set: "is not set",
  },
  number: {
    eq: "is",
    neq: "is not",
    lt: "is less than",
    lte: "is at most",
    gt: "is more than",
    gte: "is at least",
    between: "is between",
    is_set: "is set",
    is_not_set: "is not set",
  },
  boolean: { is_true: "is true", is_false: "is false", is_set: "is set", is_not_set: "is not set" },
  date: {
    before: "is before",
    after: "is after",
    within_last_days: "is within the last … days",
    more_than_days_ago: "is more than … days ago",
    is_set: "is set",
    is_not_set: "is not set",
  },
};

export const COUNT_OP_LABELS: Record<(typeof COUNT_OPS)[number], string> = {
  at_least: "at least",
  at_most: "at most",
  exactly: "exactly",
  never: "never",
};

export const AGGREGATE_FN_LABELS: Record<(typeof AGGREGATE_FNS)[number], string> = {
  sum: "sum",
  avg: "average",
  min: "minimum",
  max: "maximum",
  count_distinct: "distinct count",
};

export const COMPUTED_FIELD_LABELS: Record<ComputedField, string> = {
  orders: "Orders",
  revenue: "Revenue",
  average_order_value: "Average order value",
  sessions: "Sessions",
  event_count: "Events",
  days_since_last_order: "Days since last order",
  days_since_last_seen: "Days since last seen",
  days_since_first_seen: "Days since first seen",
  rfm_recency: "RFM recency score",
  rfm_frequency: "RFM frequency score",
  rfm_monetary: "RFM monetary score",
};

export const CONTEXT_FIELD_LABELS: Record<ContextField, string> = {
  url: "Page URL",
  path: "Page path",
  referrer: "Referrer",
  utm_source: "UTM source",
  utm_medium: "UTM medium",
  utm_campaign: "UTM campaign",
  device: "Device",
  country: "Visit country",
  local_hour: "Local hour",
  weekday: "Weekday",
  visitor: "New or returning visitor",
};

/** Context fields as the subject of a sentence ("the page path starts with …"). */
const CONTEXT_SUBJECTS: Record<ContextField, string> = {
  url: "the page URL",
  path: "the page path",
  referrer: "the referrer",
  utm_source: "the UTM source",
  utm_medium: "the UTM medium",
  utm_campaign: "the UTM campaign",
  device: "the device",
  country: "the visit's country",
  local_hour: "the local hour",
  weekday: "the weekday",
  visitor: "the visitor",
};

export const WINDOW_KIND_LABELS: Record<EventWindow["kind"], string> = {
  last_days: "in the last",
  between: "between",
  ever: "ever",
};

const MISSING = "…";
const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 });
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

const num = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? MISSING : numberFormat.format(n));
const quote = (s: string | undefined) => (s ? `"${s}"` : MISSING);
const dayCount = (n: number | undefined) => (n === 1 ? "1 day" : `${num(n)} days`);
const times = (n: number | undefined) => (n === 1 ? "once" : `${num(n)} times`);
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** A calendar date (`2026-05-01`) as "May 1, 2026"; anything else as given. */
function formatDate(date: string | undefined): string {
  if (!date) return MISSING;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  return Number.isNaN(at) ? date : dateFormat.format(at);
}

/** "in the last 7 days", "between May 1, 2026 and May 31, 2026", "ever". */
export function WINDOW_LABEL(window: EventWindow): string {
  if (window.kind === "last_days")
    return window.days === 1 ? "in the last day" : `in the last ${dayCount(window.days)}`;
  if (window.kind === "between") return `between ${formatDate(window.from)} and ${formatDate(window.to)}`;
  return "ever";
}

/** The operator and operands of a number comparison: "is between 1 and 5", "is more than 200". */
function numberPhrase(op: OpOf<"number">, value: number | undefined, to: number | undefined): string {
  const label = OPERATOR_LABELS.number[op];
  if (op === "is_set" || op === "is_not_set") return label;
  return op === "between" ? `${label} ${num(value)} and ${num(to)}` : `${label} ${num(value)}`;
}

/** `subject` compared: `country is "DE"`, `age is between 18 and 30`, `signed_up_at is within the last 30 days`. */
function describeComparison(subject: string, c: Comparison): string {
  switch (c.valueType) {
    case "string": {
      const label = OPERATOR_LABELS.string[c.op];
      if (c.op === "is_set" || c.op === "is_not_set") return `${subject} ${label}`;
      if (c.op === "in" || c.op === "not_in")
        return `${subject} ${label} ${c.values?.length ? c.values.map(quote).join(", ") : MISSING}`;
      return `${subject} ${label} ${quote(c.value)}`;
    }
    case "number":
      return `${subject} ${numberPhrase(c.op, c.value, c.to)}`;
    case "boolean":
      return `${subject} ${OPERATOR_LABELS.boolean[c.op]}`;
    case "date": {
      const label = OPERATOR_LABELS.date[c.op];
      if (c.op === "before" || c.op === "after") return `${subject} ${label} ${formatDate(c.date)}`;
      return `${subject} ${label.replace("… days", dayCount(c.days))}`;
    }
  }
}

const filtersPhrase = (filters: readonly PropertyFilter[]) =>
  filters.length ? ` where ${filters.map((f) => describeComparison(f.property || MISSING, f)).join(" and ")}` : "";
/** "ever" goes without saying: a condition without a window counts every event. */
const windowPhrase = (window: EventWindow) => (window.kind === "ever" ? "" : ` ${WINDOW_LABEL(window)}`);

function describeAggregate(c: AggregateCondition): string {
  return `${AGGREGATE_FN_LABELS[c.fn]} of ${c.property || MISSING} of ${quote(c.event)}${filtersPhrase(c.filters)}${windowPhrase(c.window)} ${numberPhrase(c.op, c.value, c.to)}`;
}

/** One condition in words, e.g. `did "Product Viewed" at least 3 times in the last 7 days`. */
export function describeCondition(condition: Condition, segmentNames: ReadonlyMap<string, string>): string {
  switch (condition.type) {
    case "trait":
      return describeComparison(condition.key || MISSING, condition);
    case "behavior": {
      const { count } = condition;
      const event = `${quote(condition.event)}${filtersPhrase(condition.filters)}`;
      if (count.op === "never") return `never did ${event}${windowPhrase(condition.window)}`;
      return `did ${event} ${COUNT_OP_LABELS[count.op]} ${times(count.value)}${windowPhrase(condition.window)}`;
    }
    case "aggregate":
      return describeAggregate(condition);
    case "computed":
      return `${lowerFirst(COMPUTED_FIELD_LABELS[condition.field])} ${numberPhrase(condition.op, condition.value, condition.to)}`;
    case "segment": {
      const name = segmentNames.get(condition.segmentId);
      const target =
        name !== undefined
          ? `segment ${quote(name)}`
          : condition.segmentId
            ? "an unknown segment"
            : `segment ${MISSING}`;
      return `${condition.op === "in" ? "is in" : "is not in"} ${target}`;
    }
    case "context":
      return describeComparison(CONTEXT_SUBJECTS[condition.field], condition);
  }
}

/** A node in words; `inList` when its parent joins it with siblings, so that a group of several needs parentheses. */
function describeNode(node: RuleNode, segmentNames: ReadonlyMap<string, string>, inList: boolean): string {
  if (node.type !== "group") return describeCondition(node, segmentNames);
  // An empty AND matches everyone and an empty OR no one (as evaluate() and toSql() have it).
  if (node.children.length === 0) return (node.combinator === "and") !== Boolean(node.not) ? "everyone" : "no one";
  if (node.children.length === 1 && !node.not) return describeNode(node.children[0]!, segmentNames, inList);
  const joined = node.children
    .map((child) => describeNode(child, segmentNames, node.children.length > 1))
    .join(node.combinator === "and" ? " and " : " or ");
  if (node.not) return `not (${joined})`;
  return inList ? `(${joined})` : joined;
}

/**
 * A whole rule in words: nested groups in parentheses, negated groups as
 * `not (…)`, the empty rule as "everyone". `segmentNames` maps segment ids
 * to names for membership conditions.
 */
export function describeRule(rule: RuleGroup, segmentNames: ReadonlyMap<string, string>): string {
  return describeNode(rule, segmentNames, false);
}
