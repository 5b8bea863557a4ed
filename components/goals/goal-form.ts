import { goalAddsUpValue } from "@/lib/experiments/schema";
import type { GoalKind } from "@/lib/goals/describe";
import type { PropertyFilter } from "@/lib/segments/schema";

/**
 * The goal form's fields as typed: the window and the cap stay text until
 * they are sent, so that "" or "1.5" can be told apart. The cap is a percent
 * ("99" for the 99th percentile); empty is no cap.
 */
export type GoalFormState = {
  name: string;
  description: string;
  eventName: string;
  kind: GoalKind;
  valueProperty: string;
  filters: PropertyFilter[];
  windowDays: string;
  capPercent: string;
  /** A fall is the good news (refunds, support tickets). */
  lowerIsBetter: boolean;
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
    capPercentile: number | null;
    lowerIsBetter: boolean;
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
      capPercent: "",
      lowerIsBetter: false,
    };
  const { capPercentile, ...fields } = goal;
  return {
    ...fields,
    valueProperty: goal.valueProperty ?? "",
    windowDays: String(goal.windowDays),
    // 0.99 * 100 is 99.00000000000001
    capPercent: capPercentile === null ? "" : String(Number((capPercentile * 100).toFixed(4))),
  };
}

/** The window in whole days, or undefined while the text is not one. */
export const windowDaysOf = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

/**
 * The cap as the percentile the action takes ("99" or "99 %" → 0.99, "99.5"
 * → 0.995); null when empty (no cap); undefined while the text is not a
 * number. The range is the action's to check, so that its message shows.
 */
export function capPercentileOf(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s*%$/, "");
  if (trimmed === "") return null;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number((Number(trimmed) / 100).toFixed(6));
}

/** Errors found before sending: what the action's schema could only call "expected number". */
export function localGoalErrors(form: GoalFormState): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (windowDaysOf(form.windowDays) === undefined) errors.windowDays = ["Enter a whole number of days"];
  if (goalAddsUpValue(form.kind) && capPercentileOf(form.capPercent) === undefined)
    errors.capPercentile = ["Enter a percentile such as 99, or leave it empty for no cap"];
  return errors;
}

/** What the save action takes: the value property and the cap only for sum and ratio goals. */
export function goalInputOf(form: GoalFormState) {
  return {
    name: form.name,
    description: form.description,
    eventName: form.eventName,
    kind: form.kind,
    valueProperty: goalAddsUpValue(form.kind) ? form.valueProperty.trim() || null : null,
    filters: form.filters,
    windowDays: windowDaysOf(form.windowDays) ?? 0,
    capPercentile: goalAddsUpValue(form.kind) ? (capPercentileOf(form.capPercent) ?? null) : null,
    lowerIsBetter: form.lowerIsBetter,
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
