import { compareArms, cupedUsable, type GoalKindName } from "./estimate";
import type { MetricSums } from "./sums";
import { cumulativeByDay, totalsByVariation, type ArmTotals } from "./totals";
import type { ArmRow, CumulativePoint, MetricResult, ResultsSettings } from "./types";

/** A variation as the analysis needs it. */
export type ArmDesign = { variationId: string; key: string; name: string; isControl: boolean };

/** A goal as the analysis needs it. */
export type GoalDesign = {
  id: string;
  name: string;
  role: MetricResult["role"];
  kind: GoalKindName;
  eventName: string;
  valueProperty: string | null;
  windowDays: number;
  /** A fall is the good news: a negative lift reads as better (and the Bayesian chance to win is of falling). */
  lowerIsBetter: boolean;
};

/** The most points the cumulative chart gets (a long test is read on fewer days, evenly spread, the last kept). */
const MAX_POINTS = 60;

/** The control: the variation marked as such, else the first. */
export const controlOf = <T extends { isControl: boolean }>(arms: readonly T[]): T =>
  arms.find((a) => a.isControl) ?? arms[0]!;

/** How a goal's value reads in the table's header. */
export function valueLabel(goal: GoalDesign): string {
  switch (goal.kind) {
    case "conversion":
      return "Conversion rate";
    case "count":
      return `${goal.eventName} per visitor`;
    case "sum":
      return `${goal.valueProperty ?? "Value"} per visitor`;
    case "ratio":
      return `${goal.valueProperty ?? "Value"} per ${goal.eventName}`;
  }
}

function armRow(arm: ArmDesign, t: ArmTotals, kind: GoalKindName): Omit<ArmRow, "effect"> {
  const denominator = kind === "ratio" ? t.denominatorSum : t.n;
  return {
    ...arm,
    units: t.n,
    numerator: t.sum,
    denominator,
    value: denominator > 0 ? t.sum / denominator : null,
  };
}

/**
 * One metric's table, interval by interval, and its cumulative lift, read by
 * the chosen engine from the query's sums. P-values are not yet corrected
 * across metrics (analyzeExperiment does that).
 */
export function analyzeMetric(input: {
  arms: readonly ArmDesign[];
  goal: GoalDesign;
  sums: MetricSums;
  settings: ResultsSettings;
  cupedDays: number;
  /** Whether sums are bucketed by day (then the cumulative series is drawn from them). */
  byDay: boolean;
}): MetricResult {
  const { arms, goal, sums, settings } = input;
  const ids = arms.map((a) => a.variationId);
  const totals = totalsByVariation(sums.rows, ids);
  const control = controlOf(arms);
  const controlTotals = totals.get(control.variationId)!;
  const cuped = cupedUsable([...totals.values()], goal.kind, input.cupedDays);
  const rows: ArmRow[] = arms.map((arm) => {
    const t = totals.get(arm.variationId)!;
    return {
      ...armRow(arm, t, goal.kind),
      effect: arm === control ? null : compareArms(controlTotals, t, goal.kind, cuped, settings, goal.lowerIsBetter),
    };
  });
  return {
    goalId: goal.id,
    name: goal.name,
    role: goal.role,
    kind: goal.kind,
    valueLabel: valueLabel(goal),
    windowDays: goal.windowDays,
    lowerIsBetter: goal.lowerIsBetter,
    cuped,
    cap: sums.cap,
    arms: rows,
    cumulative: input.byDay ? cumulative(sums, arms, control, goal, cuped, settings) : [],
  };
}

/**
 * The lift of every treatment on each day, over the units first exposed by then, read as the table
 * is (CUPED too, on the days its covariate varies in every arm), so the last point is the table's.
 */
function cumulative(
  sums: MetricSums,
  arms: readonly ArmDesign[],
  control: ArmDesign,
  goal: GoalDesign,
  cuped: boolean,
  settings: ResultsSettings,
): CumulativePoint[] {
  const days = cumulativeByDay(
    sums.rows,
    arms.map((a) => a.variationId),
  );
  const step = Math.max(1, Math.ceil(days.length / MAX_POINTS));
  const picked = days.filter((_, i) => i % step === 0 || i === days.length - 1);
  return picked.map(({ day, totals }) => {
    const byVariation: CumulativePoint["byVariation"] = {};
    const c = totals.get(control.variationId)!;
    const adjusted = cuped && cupedUsable([...totals.values()], goal.kind, 1);
    for (const arm of arms) {
      if (arm === control) continue;
      const e = compareArms(c, totals.get(arm.variationId)!, goal.kind, adjusted, settings, goal.lowerIsBetter);
      byVariation[arm.variationId] = e.computable ? { lift: e.lift, low: e.interval[0], high: e.interval[1] } : null;
    }
    return { day, byVariation };
  });
}
