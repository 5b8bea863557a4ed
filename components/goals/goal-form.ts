import type { GoalKind } from "@/lib/goals/describe";
import type { PropertyFilter } from "@/lib/segments/schema";

/** The goal form's fields as typed: the window stays text until it is sent, so that "" or "1.5" can be told apart. */
export type GoalFormState = {
  name: string;
  description: string;
  eventName: string;
  kind: GoalKind;
  valueProperty: string;
  filters: PropertyFilter[];
  windowDays: string;
};

/** The stored goal being edited, or a new one (a conversion within 7 days). */
export function goalFormFrom(
  goal?: {
    name: string;
    description: string;
    eventName: string;
    kind: GoalKind;
    valueProperty: string | null;
    filters: PropertyFilter[];
    windowDays: number;
  } | null,
): GoalFormState {
  if (!goal)
    return {
      name: "",
      description: "",
      eventName: "",
      kind: "conversion",
      valueProperty: "",
      filters: [],
      windowDays: "7",
    };
  return { ...goal, valueProperty: goal.valueProperty ?? "", windowDays: String(goal.windowDays) };
}

/** The window in whole days, or undefined while the text is not one. */
export const windowDaysOf = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

/** Errors found before sending: what the action's schema could only call "expected number". */
export function localGoalErrors(form: GoalFormState): Record<string, string[]> {
  return windowDaysOf(form.windowDays) === undefined ? { windowDays: ["Enter a whole number of days"] } : {};
}

/** What the save action takes: the value property only for a sum goal. */
export function goalInputOf(form: GoalFormState) {
  return {
    name: form.name,
    description: form.description,
    eventName: form.eventName,
    kind: form.kind,
    valueProperty: form.kind === "sum" ? form.valueProperty.trim() || null : null,
    filters: form.filters,
    windowDays: windowDaysOf(form.windowDays) ?? 0,
  };
}

/** The field errors under `filters` ("filters.0.value") as the filter editor's issues (["filters", 0, "value"]). */
export function filterIssuesOf(fieldErrors: Record<string, string[]>) {
  return Object.entries(fieldErrors)
    .filter(([key]) => key === "filters" || key.startsWith("filters."))
    .flatMap(([key, messages]) =>
      messages.map((message) => ({
        path: key.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message,
      })),
    );
}
