import { benjaminiHochberg, holmBonferroni } from "@/lib/stats/corrections";
import { factorialEffects } from "@/lib/stats/factorial";
import { srmPValue, SRM_THRESHOLD } from "@/lib/stats/srm";
import { analyzeMetric, controlOf, type ArmDesign, type GoalDesign } from "./analyze-metric";
import { unitsNeededPerArm } from "./power-needed";
import { primaryOf, recommend } from "./recommend";
import type { MetricSums } from "./sums";
import { totalsByVariation } from "./totals";
import type { BanditSummary, ExperimentResults, FactorialSummary, MetricResult, ResultsSettings } from "./types";

/** A variation with its weight in the phase analyzed and, in a multivariate test, its level index per factor. */
export type ExperimentArm = ArmDesign & { weight: number; levels: number[] | null };

export type ExperimentDesign = {
  id: string;
  key: string;
  name: string;
  type: ExperimentResults["type"];
  status: string;
  phase: number;
  bandit: boolean;
  cupedDays: number;
  arms: ExperimentArm[];
  /** A multivariate test's factors, in the order of the arms' level indexes. */
  factors: { key: string; name: string; levels: string[] }[] | null;
};

export type AnalysisInput = {
  design: ExperimentDesign;
  /** Each goal's sums, bucketed by day of first exposure. */
  metrics: { goal: GoalDesign; sums: MetricSums }[];
  /** Units per variation (the phase's assignments), for the split check when there is no goal. */
  units: Map<string, number>;
  /** New units a day over all arms lately (for "about N more days"). */
  unitsPerDay: number;
  banditSummary: BanditSummary | null;
  settings: ResultsSettings;
  now: Date;
};

/**
 * Adjusts the p-values of every treatment × metric that is not a guardrail
 * together (Holm–Bonferroni, or Benjamini–Hochberg's FDR), and marks
 * significance on the adjusted value. Guardrails keep their raw p-values (a
 * guardrail is a check, not a claim, and correcting it would hide harm).
 * The Bayesian engine has no p-values and is not corrected.
 */
export function correctAcross(metrics: MetricResult[], settings: ResultsSettings): MetricResult[] {
  if (settings.engine === "bayesian" || settings.correction === "none") return metrics;
  const slots: { m: number; a: number; p: number }[] = [];
  metrics.forEach((metric, m) => {
    if (metric.role === "guardrail") return;
    metric.arms.forEach((arm, a) => {
      if (arm.effect?.computable && arm.effect.pValue !== null) slots.push({ m, a, p: arm.effect.pValue });
    });
  });
  const adjusted = (settings.correction === "holm" ? holmBonferroni : benjaminiHochberg)(slots.map((s) => s.p));
  const out = metrics.map((metric) => ({ ...metric, arms: metric.arms.map((arm) => ({ ...arm })) }));
  slots.forEach(({ m, a }, i) => {
    const arm = out[m]!.arms[a]!;
    const e = arm.effect;
    if (!e?.computable) return;
    const p = adjusted[i]!;
    const significant = p < settings.alpha;
    arm.effect = {
      ...e,
      adjustedPValue: p,
      significant,
      direction: significant ? e.direction : null,
    };
  });
  return out;
}

/** The main effects and two-way interactions of a multivariate test on its primary metric (factorialEffects). */
export function factorialSummary(
  design: ExperimentDesign,
  primary: { goal: GoalDesign; sums: MetricSums } | undefined,
  alpha: number,
): FactorialSummary {
  const factors = design.factors;
  if (design.type !== "multivariate" || !factors || !primary) return null;
  const totals = totalsByVariation(
    primary.sums.rows,
    design.arms.map((a) => a.variationId),
  );
  const cells = design.arms
    .filter((a) => a.levels !== null)
    .map((a) => ({ levels: a.levels!, stats: totals.get(a.variationId)! }));
  const result = factorialEffects(cells, { alpha });
  const metric = { metric: primary.goal.name, lowerIsBetter: primary.goal.lowerIsBetter };
  if (!result) return { ...metric, factors, effects: [] };
  const levelName = (f: number, l: number) => `${factors[f]!.name}: ${factors[f]!.levels[l]}`;
  const effects: NonNullable<FactorialSummary>["effects"] = [
    ...result.mainEffects.map((e) => ({
      kind: "main" as const,
      label: `${levelName(e.factors[0]!, e.levels[0]!)} vs ${factors[e.factors[0]!]!.levels[0]}`,
      effect: e.effect,
      interval: e.interval,
      pValue: e.pValue,
      significant: e.pValue < alpha,
    })),
    ...result.interactions.map((e) => ({
      kind: "interaction" as const,
      label: `${levelName(e.factors[0]!, e.levels[0]!)} × ${levelName(e.factors[1]!, e.levels[1]!)}`,
      effect: e.effect,
      interval: e.interval,
      pValue: e.pValue,
      significant: e.pValue < alpha,
    })),
  ];
  return { ...metric, factors, effects };
}

/**
 * An experiment's results, from the sums of its goals: each metric read by
 * the chosen engine (bandits always by the Bayesian one: their weights move,
 * so no fixed-horizon p-value holds), corrected across metrics, the split
 * checked against the weights (chi-square, flagged at p < 0.001; not for
 * bandits), the factorial effects of a multivariate test, and the
 * recommendation.
 */
export function analyzeExperiment(input: AnalysisInput): Omit<ExperimentResults, "dimension"> {
  const { design } = input;
  const settings: ResultsSettings = design.bandit ? { ...input.settings, engine: "bayesian" } : input.settings;
  const metrics = correctAcross(
    input.metrics.map(({ goal, sums }) =>
      analyzeMetric({ arms: design.arms, goal, sums, settings, cupedDays: design.cupedDays, byDay: true }),
    ),
    settings,
  );
  const weightSum = design.arms.reduce((s, a) => s + a.weight, 0);
  const traffic = design.arms.map((a) => ({
    variationId: a.variationId,
    units: input.units.get(a.variationId) ?? 0,
    expectedShare: weightSum > 0 ? a.weight / weightSum : 1 / design.arms.length,
  }));
  const p = design.bandit
    ? null
    : srmPValue(
        traffic.map((t) => t.units),
        traffic.map((t) => t.expectedShare),
      );
  const srm = p === null ? null : { pValue: p, flagged: p < SRM_THRESHOLD };
  const primaryInput = input.metrics.find((m) => m.goal.role === "primary") ?? input.metrics[0];
  const primary = primaryOf(metrics);
  const controlTotals = primaryInput
    ? totalsByVariation(
        primaryInput.sums.rows,
        design.arms.map((a) => a.variationId),
      ).get(controlOf(design.arms).variationId)
    : undefined;
  const needed =
    primary && controlTotals
      ? unitsNeededPerArm(controlTotals, primary.kind, {
          mde: settings.mde,
          alpha: settings.alpha,
          treatments: design.arms.length - 1,
        })
      : null;
  return {
    experimentId: design.id,
    key: design.key,
    name: design.name,
    type: design.type,
    status: design.status,
    phase: design.phase,
    bandit: design.bandit,
    settings,
    computedAt: input.now.toISOString(),
    traffic,
    srm,
    multipleExposures: Math.max(0, ...input.metrics.map((m) => m.sums.multipleExposures)),
    metrics,
    factorial: factorialSummary(design, primaryInput, settings.alpha),
    banditSummary: input.banditSummary,
    recommendation: recommend({
      metrics,
      settings,
      srmFlagged: srm?.flagged ?? false,
      bandit: design.bandit,
      running: design.status === "running" || design.status === "paused",
      unitsNeededPerArm: needed,
      unitsPerDay: input.unitsPerDay,
    }),
  };
}
