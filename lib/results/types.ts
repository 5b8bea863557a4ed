import type { DimensionKey } from "./sums";

/** How results are read: a fixed-horizon test, always-valid confidence sequences, or Bayesian posteriors. */
export type Engine = "frequentist" | "sequential" | "bayesian";
export const ENGINES: readonly Engine[] = ["frequentist", "sequential", "bayesian"];

/** How p-values are adjusted across treatment arms × metrics (guardrails are not corrected). */
export type Correction = "holm" | "bh" | "none";
export const CORRECTIONS: readonly Correction[] = ["holm", "bh", "none"];

/** What the page and the API ask for: the settings that change the numbers. */
export type ResultsSettings = {
  engine: Engine;
  /** 1 − confidence, 0.05 by default. */
  alpha: number;
  correction: Correction;
  /** The relative lift the power figures are for (0.1: "a 10 % lift"). */
  mde: number;
  /** Sequential engine's N*: the total units at which the confidence sequence is tightest. */
  tuningParameter: number;
};

/** One treatment against the control on one metric, as the chosen engine reads it. */
export type ArmEffect =
  | {
      computable: true;
      /** Relative lift (μB − μA)/μA and its interval (confidence, confidence sequence, or credible). */
      lift: number;
      interval: [number, number];
      standardError: number;
      /** Frequentist and sequential: the two-sided p-value, and after the correction. */
      pValue: number | null;
      adjustedPValue: number | null;
      /** Bayesian: chance to beat the control and the expected loss (relative) of choosing each arm. */
      chanceToWin: number | null;
      risk: { control: number; treatment: number } | null;
      /** CUPED's θ when the covariate was used. */
      theta: number | null;
      /** Significant after the correction (frequentist, sequential), or chance ≥ 1 − α or ≤ α (Bayesian). */
      significant: boolean;
      /** Which way: better or worse than the control (null when not significant). */
      direction: "better" | "worse" | null;
    }
  | { computable: false; reason: string };

/** One variation's row of a metric's table. */
export type ArmRow = {
  variationId: string;
  key: string;
  name: string;
  isControl: boolean;
  units: number;
  /** The metric's numerator (conversions, events, value sum) and denominator (units, or events for a ratio). */
  numerator: number;
  denominator: number;
  /** numerator / denominator, null without a denominator. */
  value: number | null;
  /** Against the control; null on the control's own row. */
  effect: ArmEffect | null;
};

/** A point of the cumulative lift: the units first exposed by that day, with the chosen engine's interval. */
export type CumulativePoint = {
  day: string;
  byVariation: Record<string, { lift: number; low: number; high: number } | null>;
};

export type MetricResult = {
  goalId: string;
  name: string;
  role: "primary" | "secondary" | "guardrail";
  kind: "conversion" | "count" | "sum" | "ratio";
  /** How the value reads: "conversion rate", "orders per visitor", … */
  valueLabel: string;
  windowDays: number;
  /** A fall is the good news: a negative lift is "better", and the best arm is the lowest. */
  lowerIsBetter: boolean;
  /** Whether CUPED adjusted this metric (it has a covariate with variance in every arm). */
  cuped: boolean;
  /** The winsorizing cap applied to per-unit values, if any. */
  cap: number | null;
  arms: ArmRow[];
  cumulative: CumulativePoint[];
};

export type DimensionRow = { value: string; metric: MetricResult };

/** A multivariate test's main effects and two-way interactions on the primary metric (absolute difference of means). */
export type FactorialSummary = {
  metric: string;
  /** The metric is better when it falls (a negative main effect is the good news). */
  lowerIsBetter: boolean;
  factors: { key: string; name: string; levels: string[] }[];
  effects: {
    kind: "main" | "interaction";
    label: string;
    effect: number;
    interval: [number, number];
    pValue: number;
    significant: boolean;
  }[];
} | null;

export type BanditSummary = {
  /** Weights now, per variation id. */
  weights: Record<string, number>;
  history: { at: string; weights: Record<string, number>; chances: Record<string, number> | null }[];
};

export type Verdict = "ship" | "guardrail" | "worse" | "keep_running" | "no_difference" | "srm" | "not_enough_data";

export type Recommendation = {
  verdict: Verdict;
  /** One sentence in plain words. */
  text: string;
  /** The variation to roll out, when the verdict is "ship". */
  winnerVariationId: string | null;
  /** About how many more days at the recent traffic to reach the power for `mde` (null when not needed or unknown). */
  daysRemaining: number | null;
};

export type ExperimentResults = {
  experimentId: string;
  key: string;
  name: string;
  type: "ab" | "multivariate" | "flag";
  status: string;
  phase: number;
  bandit: boolean;
  settings: ResultsSettings;
  computedAt: string;
  /** Units per variation with the share the weights promise, and the chi-square test of the split. */
  traffic: { variationId: string; units: number; expectedShare: number }[];
  srm: { pValue: number; flagged: boolean } | null;
  /** Profiles seen in more than one variation (left out of every metric). */
  multipleExposures: number;
  metrics: MetricResult[];
  factorial: FactorialSummary;
  banditSummary: BanditSummary | null;
  recommendation: Recommendation;
  dimension: { key: DimensionKey; label: string; rows: DimensionRow[] } | null;
};
