import type { ArmEffect, ArmRow, MetricResult, ResultsSettings } from "@/lib/results/types";

/** Test data for the view-model tests: a metric with a control and treatments, effects as given. */
export const SETTINGS: ResultsSettings = {
  engine: "frequentist",
  alpha: 0.05,
  correction: "holm",
  mde: 0.1,
  tuningParameter: 5000,
};

export function effect(partial: Partial<Extract<ArmEffect, { computable: true }>> = {}): ArmEffect {
  return {
    computable: true,
    lift: 0.081,
    interval: [0.023, 0.139],
    standardError: 0.03,
    pValue: 0.006,
    adjustedPValue: 0.012,
    chanceToWin: null,
    risk: null,
    theta: null,
    significant: true,
    direction: "better",
    ...partial,
  };
}

export function arm(partial: Partial<ArmRow> & Pick<ArmRow, "variationId" | "name">): ArmRow {
  return {
    key: partial.variationId,
    isControl: false,
    units: 1000,
    numerator: 80,
    denominator: 1000,
    value: 0.08,
    effect: null,
    ...partial,
  };
}

export function metric(partial: Partial<MetricResult> = {}): MetricResult {
  return {
    goalId: "g1",
    name: "Purchase",
    role: "primary",
    kind: "conversion",
    valueLabel: "conversion rate",
    windowDays: 7,
    lowerIsBetter: false,
    cuped: false,
    cap: null,
    arms: [
      arm({ variationId: "v0", key: "control", name: "Control", isControl: true }),
      arm({
        variationId: "v1",
        key: "free-shipping",
        name: "Free shipping",
        numerator: 87,
        value: 0.087,
        effect: effect(),
      }),
    ],
    cumulative: [],
    ...partial,
  };
}
