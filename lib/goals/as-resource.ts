/** What the admin API shows of a goal (the fields of `GoalRow` in lib/goals/db/goal-row.ts). */
type GoalRow = {
  id: string;
  name: string;
  description: string;
  eventName: string;
  kind: string;
  valueProperty: string | null;
  filters: unknown[];
  windowDays: number;
  capPercentile: number | null;
  lowerIsBetter: boolean;
  summary: string;
  usage: unknown;
  updatedAt: Date;
};

/** A goal as the admin API shows it: its fields, in words, and which experiments use it by role. */
export function goalResource(goal: GoalRow) {
  return {
    id: goal.id,
    name: goal.name,
    description: goal.description,
    eventName: goal.eventName,
    kind: goal.kind,
    valueProperty: goal.valueProperty,
    filters: goal.filters,
    windowDays: goal.windowDays,
    capPercentile: goal.capPercentile,
    lowerIsBetter: goal.lowerIsBetter,
    summary: goal.summary,
    usage: goal.usage,
    updatedAt: goal.updatedAt.toISOString(),
  };
}

/**
 * A goal's current input fields with a partial change laid over them (what
 * PATCH means). A change of kind to one without a value (a conversion or a
 * count) drops the stored cap unless the change names one, as it drops the
 * value property: only a cap sent with it is refused.
 */
export function patchedGoal(goal: GoalRow, change: Record<string, unknown>): Record<string, unknown> {
  const uncapped = "kind" in change && change.kind !== "sum" && change.kind !== "ratio" && !("capPercentile" in change);
  return {
    name: goal.name,
    description: goal.description,
    eventName: goal.eventName,
    kind: goal.kind,
    valueProperty: goal.valueProperty,
    filters: goal.filters,
    windowDays: goal.windowDays,
    capPercentile: uncapped ? null : goal.capPercentile,
    lowerIsBetter: goal.lowerIsBetter,
    ...change,
  };
}
