import { describeCondition } from "@/lib/segments/describe";
import type { PropertyFilter } from "@/lib/segments/schema";
import type { GoalInput } from "@/lib/experiments/schema";

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
};

export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  conversion: "Conversion",
  count: "Count",
  sum: "Sum",
};

/** What each kind measures per unit (a visitor, or a signed-in user), for the form and the table. */
export const GOAL_KIND_HINTS: Record<GoalKind, string> = {
  conversion: "Whether each visitor did it at least once (0 or 1)",
  count: "How many times each visitor did it",
  sum: "The total of a number property per visitor, such as revenue per visitor",
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

/**
 * A goal in one sentence, e.g. "Converted: Order Completed where total is at
 * least 50, within 7 days of first exposure", "Counted: Product Viewed, …" or
 * "Summed revenue: Order Completed, …".
 */
export function describeGoal(goal: GoalDefinition): string {
  const event = goal.eventName.trim() || MISSING;
  const lead =
    goal.kind === "conversion"
      ? "Converted"
      : goal.kind === "count"
        ? "Counted"
        : `Summed ${goal.valueProperty?.trim() || MISSING}`;
  return `${lead}: ${event}${describeGoalFilters(goal.filters)}, ${describeGoalWindow(goal.windowDays)}`;
}
