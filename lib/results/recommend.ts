import { formatInteger } from "@/lib/format";
import { daysRemaining } from "@/lib/stats/power";
import { formatLift } from "./format";
import type { ArmRow, MetricResult, Recommendation, ResultsSettings } from "./types";

export type RecommendInput = {
  metrics: readonly MetricResult[];
  settings: ResultsSettings;
  srmFlagged: boolean;
  bandit: boolean;
  running: boolean;
  /** Units per arm the primary metric needs for the MDE (unitsNeededPerArm), null when unknown. */
  unitsNeededPerArm: number | null;
  /** New units a day over all arms lately. */
  unitsPerDay: number;
};

const intervalWord = (s: ResultsSettings) =>
  `${Math.round((1 - s.alpha) * 100)} % ${s.engine === "bayesian" ? "credible interval" : s.engine === "sequential" ? "confidence sequence" : "CI"}`;

/** "+8.1 % (95 % CI +2.3 % to +13.9 %)", with the chance to win for the Bayesian engine. */
function described(row: ArmRow, s: ResultsSettings): string {
  const e = row.effect;
  if (!e || !e.computable) return "";
  const chance = e.chanceToWin === null ? "" : `, ${Math.round(e.chanceToWin * 100)} % chance to beat the control`;
  return `${formatLift(e.lift)} (${intervalWord(s)} ${formatLift(e.interval[0])} to ${formatLift(e.interval[1])})${chance}`;
}

/** The metric the recommendation is about: the primary goal, else the first. */
export const primaryOf = (metrics: readonly MetricResult[]) => metrics.find((m) => m.role === "primary") ?? metrics[0];

/**
 * The recommendation in plain words, from the primary metric after the
 * correction and the guardrails:
 * - a sample ratio mismatch first: nothing else can be trusted;
 * - the best treatment that significantly beats the control (the highest
 *   lift, or the lowest when lower is better), unless a guardrail is
 *   significantly worse for it (it rose, or fell when higher is better): roll it out;
 * - every treatment significantly worse: keep the control;
 * - otherwise, while fewer units than the power for the MDE needs have come:
 *   keep running, about N more days at the recent traffic; once they have
 *   (or the test stopped): no detectable difference.
 * Bandits never reach a fixed horizon: they recommend the arm once its chance to win passes 1 − α.
 */
export function recommend(input: RecommendInput): Recommendation {
  const { settings } = input;
  const none = { winnerVariationId: null, daysRemaining: null };
  const primary = primaryOf(input.metrics);
  if (input.srmFlagged)
    return {
      verdict: "srm",
      text: "The traffic split does not match the weights (sample ratio mismatch): fix the setup before trusting any of these numbers.",
      ...none,
    };
  if (!primary) return { verdict: "not_enough_data", text: "Add a goal to this experiment to measure it.", ...none };
  const treatments = primary.arms.filter((a) => !a.isControl);
  const control = primary.arms.find((a) => a.isControl) ?? primary.arms[0]!;
  if (control.units < 2 || treatments.every((a) => !a.effect?.computable))
    return {
      verdict: "not_enough_data",
      text: `Not enough data on ${primary.name} yet (${primary.arms.reduce((n, a) => n + a.units, 0)} units so far).`,
      ...none,
    };
  // how much better than the control: the lift, or its opposite when lower is better
  const gain = (a: ArmRow) =>
    a.effect?.computable ? (primary.lowerIsBetter ? -a.effect.lift : a.effect.lift) : -Infinity;
  const winners = treatments
    .filter((a) => a.effect?.computable && a.effect.direction === "better")
    .sort((a, b) => gain(b) - gain(a));
  const best = winners[0];
  if (best) {
    const hurt = input.metrics
      .filter((m) => m.role === "guardrail")
      .map((m) => ({ m, row: m.arms.find((r) => r.variationId === best.variationId) }))
      .filter(({ row }) => row?.effect?.computable && row.effect.direction === "worse");
    if (hurt.length > 0) {
      const { m, row } = hurt[0]!;
      return {
        verdict: "guardrail",
        text: `${best.name} beats the control on ${primary.name}: ${described(best, settings)}, but is worse on the guardrail ${m.name}: ${described(row!, settings)} — look closer before rolling it out.`,
        ...none,
      };
    }
    return {
      verdict: "ship",
      text: `${best.name} beats the control on ${primary.name}: ${described(best, settings)}, no guardrail worse — roll out ${best.name}.`,
      winnerVariationId: best.variationId,
      daysRemaining: null,
    };
  }
  if (!input.bandit && treatments.every((a) => a.effect?.computable && a.effect.direction === "worse"))
    return {
      verdict: "worse",
      text: `No variation beats the control on ${primary.name}; ${treatments.map((a) => `${a.name} ${described(a, settings)}`).join("; ")} — keep the control.`,
      ...none,
    };
  const mde = `${Math.round(settings.mde * 1000) / 10} %`;
  const smallest = Math.min(...primary.arms.map((a) => a.units));
  const needed = input.unitsNeededPerArm;
  if (input.bandit)
    return {
      verdict: "keep_running",
      text: `The bandit is still learning on ${primary.name}: no variation is ahead with ${Math.round((1 - settings.alpha) * 100)} % certainty yet.`,
      ...none,
    };
  if (input.running && needed !== null && smallest < needed) {
    const days = daysRemaining({
      unitsSoFar: smallest * primary.arms.length,
      unitsPerDay: input.unitsPerDay,
      unitsNeeded: needed * primary.arms.length,
    });
    return {
      verdict: "keep_running",
      text:
        days === null
          ? `Keep running: no detectable difference on ${primary.name} yet, and ${formatInteger(needed - smallest)} more units per variation are needed to detect a ${mde} lift.`
          : days > 365
            ? `Keep running only if a longer test is acceptable: no detectable difference on ${primary.name} yet, and detecting a ${mde} lift would take more than a year at current traffic (about ${formatInteger(days)} days); a larger minimum detectable effect needs far fewer units.`
            : `Keep running: no detectable difference on ${primary.name} yet; about ${days} more ${days === 1 ? "day" : "days"} at current traffic to detect a ${mde} lift.`,
      winnerVariationId: null,
      daysRemaining: days,
    };
  }
  const closest = treatments.find((a) => a.effect?.computable);
  return {
    verdict: "no_difference",
    text: `No detectable difference on ${primary.name}${needed !== null && smallest >= needed ? ` (the test could detect a ${mde} lift)` : ""}${closest ? `: ${closest.name} ${described(closest, settings)}` : ""}.`,
    ...none,
  };
}
