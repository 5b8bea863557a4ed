import type { z } from "zod";
import type { experimentInputSchema } from "@/lib/experiments/schema";
import { NEW_CONTENT, type WizardState } from "./wizard-state";

export type ExperimentStatus = "draft" | "running" | "paused" | "stopped" | "archived";
type Input = z.input<typeof experimentInputSchema>;

/** The wizard's steps, in order. */
export const STEPS = [
  { id: "what", label: "What is tested" },
  { id: "who", label: "Who" },
  { id: "variations", label: "Variations" },
  { id: "goals", label: "Goals" },
  { id: "traffic", label: "Traffic" },
  { id: "review", label: "Review" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];

/**
 * The step a field error belongs to, by the action's path ("key",
 * "variations.0.variantId", "factors.1.levels.0.variantId", "targeting.rule.children.0.value",
 * "goals", "layerId", …); anything else is shown on the review step.
 */
export function stepOfField(path: string): StepId {
  if (/^variations\.\d+\.weight$/.test(path)) return "variations";
  if (/^(key|name|hypothesis|type|experienceId|variations|factors)(\.|$)/.test(path)) return "what";
  if (/^(targeting|unitType|startsAt|endsAt)(\.|$)/.test(path)) return "who";
  if (/^(goals|cupedDays)(\.|$)/.test(path)) return "goals";
  if (/^(coverage|layerId|layerShare|bandit)(\.|$)/.test(path)) return "traffic";
  return "review";
}

/** The error paths each part of the state answers for (the others answer for their own name). */
const ERROR_PATHS: Partial<Record<keyof WizardState, string[]>> = {
  placementId: ["experienceId", "variations"],
  experienceId: ["experienceId", "variations"],
  targetKind: ["targeting"],
  segmentId: ["targeting"],
  rule: ["targeting"],
};

/**
 * The field errors left once the marketer edits: an error goes when its
 * field changes (of the arms and factors, those of the rows that changed,
 * or all of them when rows were added or removed).
 */
export function errorsAfterEdit(
  errors: Record<string, string[]>,
  before: WizardState,
  change: Partial<WizardState>,
): Record<string, string[]> {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const k of Object.keys(change) as (keyof WizardState)[]) {
    if (k === "arms" || k === "factors") {
      const root = k === "arms" ? "variations" : "factors";
      const rows: readonly unknown[] = before[k];
      const next: readonly unknown[] = change[k] ?? [];
      if (rows.length !== next.length) prefixes.push(root);
      else {
        exact.push(root);
        next.forEach((row, i) => row !== rows[i] && prefixes.push(`${root}.${i}`));
      }
    } else prefixes.push(...(ERROR_PATHS[k] ?? [k]));
  }
  const gone = (path: string) => exact.includes(path) || prefixes.some((x) => path === x || path.startsWith(`${x}.`));
  const kept = Object.entries(errors).filter(([path]) => !gone(path));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}

/** What may change at each status (the action refuses the rest): a draft everything; a started test its weights, names, targeting, coverage, schedule and goals; a stopped one its name, hypothesis and goals. */
export function editableFields(status: ExperimentStatus | "new") {
  const draft = status === "new" || status === "draft";
  const live = status === "running" || status === "paused";
  return {
    design: draft,
    names: draft || live,
    weights: draft || live,
    targeting: draft || live,
    schedule: draft || live,
    coverage: draft || live,
    layer: draft,
    goals: true,
    text: true,
  };
}
export type Editable = ReturnType<typeof editableFields>;

/** A "YYYY-MM-DDTHH:mm" typed as UTC, as an ISO instant. */
const utc = (local: string) => (local ? `${local}:00Z` : null);

/**
 * The saveExperiment input the wizard's state stands for, with the errors the
 * form can tell before asking the server (a flag's value that is not JSON, a
 * segment not chosen), keyed by the same paths as the action's field errors.
 */
export function toExperimentInput(s: WizardState): { input: Input; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const variations =
    s.type === "multivariate"
      ? []
      : s.arms.map((a, i) => {
          const base = { key: a.key.trim(), name: a.name.trim(), weight: Number(a.weight) };
          if (s.type === "flag") {
            try {
              return { ...base, value: JSON.parse(a.value) as unknown };
            } catch (error) {
              errors[`variations.${i}.value`] = [
                `Not valid JSON${error instanceof Error ? `: ${error.message}` : ""} (text needs quotes: "blue")`,
              ];
              return base;
            }
          }
          if (a.content === NEW_CONTENT) return { ...base, variantId: null, body: a.body };
          return { ...base, variantId: a.content || null };
        });
  if (s.targetKind === "segment" && !s.segmentId) errors["targeting.segmentId"] = ["Choose a segment"];
  const input: Input = {
    key: s.key.trim(),
    name: s.name.trim(),
    hypothesis: s.hypothesis,
    type: s.type,
    experienceId: s.type === "ab" ? s.experienceId || null : null,
    variations: variations as Input["variations"],
    factors:
      s.type === "multivariate"
        ? s.factors.map((f) => ({
            key: f.key.trim(),
            name: f.name.trim(),
            placementId: f.placementId,
            levels: f.levels.map((l) => ({ key: l.key.trim(), name: l.name.trim(), variantId: l.variantId || null })),
          }))
        : null,
    targeting:
      s.targetKind === "segment"
        ? { segmentId: s.segmentId || null, rule: null }
        : s.targetKind === "rule"
          ? { segmentId: null, rule: s.rule }
          : { segmentId: null, rule: null },
    coverage: Number(s.coverage) / 100,
    unitType: s.unitType,
    layerId: s.layerId || null,
    layerShare: Number(s.layerShare) / 100,
    startsAt: utc(s.startsAt),
    endsAt: utc(s.endsAt),
    goals: s.goals,
    bandit: s.type !== "multivariate" && s.bandit,
    cupedDays: Number(s.cupedDays),
  };
  return { input, errors };
}
