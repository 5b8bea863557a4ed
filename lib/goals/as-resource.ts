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
    summary: goal.summary,
    usage: goal.usage,
    updatedAt: goal.updatedAt.toISOString(),
  };
}

/** A goal's current input fields with a partial change laid over them (what PATCH means). */
export function patchedGoal(goal: GoalRow, change: Record<string, unknown>): Record<string, unknown> {
  return {
    name: goal.name,
    description: goal.description,
    eventName: goal.eventName,
    kind: goal.kind,
    valueProperty: goal.valueProperty,
    filters: goal.filters,
    windowDays: goal.windowDays,
    ...change,
  };
}
