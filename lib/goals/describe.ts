import { describeCondition } from "@/lib/segments/describe";
import type { PropertyFilter } from "@/lib/segments/schema";
import { goalAddsUpValue, type GoalInput } from "@/lib/experiments/schema";

/**
 * A goal in marketer-readable English, in the segment builder's vocabulary
 * for its property filters ("total is at least 50"). Incomplete fields
 * (while the form is being filled) read as "…".
 */

export type GoalKind = GoalInput["kind"];

/** What a goal needs to be put in words: its fields as stored or as being edited. */
export type GoalDefinition = {
  eventName: string;
  kind: GoalKind;
  valueProperty: string | null;
  filters: readonly PropertyFilter[];
  windowDays: number | undefined;
  /** Sum and ratio goals: the percentile (0.9..0.9999) each unit's value is capped at; null: no cap; NaN: being typed. */
  capPercentile: number | null;
  /** A fall is the good news (then the sentence says so). */
  lowerIsBetter?: boolean;
};

export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  conversion: "Conversion",
  count: "Count",
  sum: "Sum",
  ratio: "Ratio (per event)",
};

/** What each kind measures per unit (a visitor, or a signed-in user), for the form and the table. */
export const GOAL_KIND_HINTS: Record<GoalKind, string> = {
  conversion: "Whether each visitor did it at least once (0 or 1)",
  count: "How many times each visitor did it",
  sum: "The total of a number property per visitor, such as revenue per visitor",
  ratio: "The total of a number property over the number of events, such as revenue per order",
};

const MISSING = "…";
const NO_SEGMENTS: ReadonlyMap<string, string> = new Map();

/** One filter as the segment builder says it: a trait comparison whose key is the event property. */
function describeFilter(filter: PropertyFilter): string {
  return describeCondition({ ...filter, type: "trait", id: "filter", key: filter.property || MISSING }, NO_SEGMENTS);
}

/** "where total is at least 50 and coupon is set", or nothing without filters. */
export function describeGoalFilters(filters: readonly PropertyFilter[]): string {
  return filters.length ? ` where ${filters.map(describeFilter).join(" and ")}` : "";
}

/** "within 7 days of first exposure" (events before the exposure, or later than this, do not count). */
export function describeGoalWindow(windowDays: number | undefined): string {
  const days = windowDays === undefined || !Number.isFinite(windowDays) ? MISSING : String(windowDays);
  return `within ${days === "1" ? "1 day" : `${days} days`} of first exposure`;
}

/** "99th", "99.5th", "91st": a percentile (0.9..0.9999) as an ordinal percent; "…" while it is not a number. */
export function percentileOrdinal(capPercentile: number): string {
  if (!Number.isFinite(capPercentile)) return MISSING;
  const percent = Number((capPercentile * 100).toFixed(2)); // 0.99 * 100 is 99.00000000000001
  if (!Number.isInteger(percent)) return `${percent}th`;
  const teen = percent % 100 >= 11 && percent % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][percent % 10] ?? "th");
  return `${percent}${suffix}`;
}

/**
 * ", each visitor's revenue capped at the 99th percentile" for a sum or
 * ratio goal with a cap; nothing otherwise (other kinds have no value to cap).
 */
export function describeGoalCap(goal: Pick<GoalDefinition, "kind" | "valueProperty" | "capPercentile">): string {
  if (goal.capPercentile === null || !goalAddsUpValue(goal.kind)) return "";
  const property = goal.valueProperty?.trim() || MISSING;
  return `, each visitor's ${property} capped at the ${percentileOrdinal(goal.capPercentile)} percentile`;
}

/**
 * A goal in one sentence, e.g. "Converted: Order Completed where total is at
 * least 50, within 7 days of first exposure", "Counted: Product Viewed, …",
 * "Summed revenue: Order Completed, …" or "Per event: sum of revenue over the
 * number of Order Completed events, …, each visitor's revenue capped at the
 * 99th percentile"; "…; lower is better" when a fall is the good news.
 */
export function describeGoal(goal: GoalDefinition): string {
  const event = goal.eventName.trim() || MISSING;
  const property = goal.valueProperty?.trim() || MISSING;
  const filters = describeGoalFilters(goal.filters);
  const measured =
    goal.kind === "conversion"
      ? `Converted: ${event}${filters}`
      : goal.kind === "count"
        ? `Counted: ${event}${filters}`
        : goal.kind === "sum"
          ? `Summed ${property}: ${event}${filters}`
          : `Per event: sum of ${property} over the number of ${event} events${filters}`;
  const direction = goal.lowerIsBetter ? "; lower is better" : "";
  return `${measured}, ${describeGoalWindow(goal.windowDays)}${describeGoalCap(goal)}${direction}`;
}
