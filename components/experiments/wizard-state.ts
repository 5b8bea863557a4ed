import { emptyRule, type RuleGroup } from "@/lib/segments/schema";
import type { ExperimentInput } from "@/lib/experiments/schema";

/** The A/B arm content that brings a new template (it becomes a variant of the experience on save). */
export const NEW_CONTENT = "__new__";

export type ArmDraft = {
  /** React's key for the row; never sent. */
  uid: string;
  key: string;
  name: string;
  weight: number;
  /** A/B: "" for the placement's default, a variant id of the experience, or NEW_CONTENT. */
  content: string;
  /** A/B with NEW_CONTENT: the template. */
  body: string;
  /** Flag: the value as JSON text. */
  value: string;
};
export type LevelDraft = { uid: string; key: string; name: string; variantId: string };
export type FactorDraft = { uid: string; key: string; name: string; placementId: string; levels: LevelDraft[] };
export type TargetKind = "everyone" | "segment" | "rule";

/** Everything the wizard edits, in the form's own terms (percentages, text); `toExperimentInput` makes the action's input of it. */
export type WizardState = {
  key: string;
  name: string;
  hypothesis: string;
  type: ExperimentInput["type"];
  placementId: string;
  experienceId: string;
  arms: ArmDraft[];
  factors: FactorDraft[];
  targetKind: TargetKind;
  segmentId: string;
  rule: RuleGroup;
  unitType: ExperimentInput["unitType"];
  /** "YYYY-MM-DDTHH:mm" in UTC, or "". */
  startsAt: string;
  endsAt: string;
  goals: ExperimentInput["goals"];
  /** 0 to 100. */
  coverage: number;
  layerId: string;
  /** 1 to 100. */
  layerShare: number;
  bandit: boolean;
  /** CUPED's pre-exposure days, 0 to 60 (0: off). */
  cupedDays: number;
};

let next = 0;
/** A fresh key for a row the marketer adds. */
export const uid = (prefix: string) => `${prefix}-${++next}`;

/** A letter per arm: the control is A. */
export const armLetter = (i: number) => String.fromCharCode(65 + (i % 26));

export function blankArm(i: number, patch: Partial<ArmDraft> = {}): ArmDraft {
  return {
    uid: uid("arm"),
    key: i === 0 ? "control" : `variant-${armLetter(i).toLowerCase()}`,
    name: i === 0 ? "Control" : `Variant ${armLetter(i)}`,
    weight: 50,
    content: "",
    body: "",
    value: i === 0 ? "false" : "true",
    ...patch,
  };
}

export function blankLevel(i: number, patch: Partial<LevelDraft> = {}): LevelDraft {
  return { uid: uid("level"), key: `l${i + 1}`, name: i === 0 ? "Default" : `Level ${i + 1}`, variantId: "", ...patch };
}

export function blankFactor(i: number): FactorDraft {
  return {
    uid: uid("factor"),
    key: `f${i + 1}`,
    name: `Factor ${i + 1}`,
    placementId: "",
    levels: [blankLevel(0), blankLevel(1)],
  };
}

/** Equal weights that read as percentages (33.33 each for three). */
export function evenWeights(n: number): number[] {
  return Array.from({ length: n }, () => Math.round(10000 / Math.max(n, 1)) / 100);
}

export function emptyWizard(): WizardState {
  return {
    key: "",
    name: "",
    hypothesis: "",
    type: "ab",
    placementId: "",
    experienceId: "",
    arms: [],
    factors: [blankFactor(0)],
    targetKind: "everyone",
    segmentId: "",
    rule: emptyRule(),
    unitType: "anonymous_id",
    startsAt: "",
    endsAt: "",
    goals: [],
    coverage: 100,
    layerId: "",
    layerShare: 100,
    bandit: false,
    cupedDays: 14,
  };
}

/** What an experiment resource (the admin API's view, `getExperimentResource`) holds, as the wizard's state. */
export type ResourceForWizard = {
  key: string;
  name: string;
  hypothesis: string;
  type: ExperimentInput["type"];
  experienceId: string | null;
  placementId: string | null;
  variations: { key: string; name: string; weight: number; variantId: string | null; value?: unknown }[];
  factors: ExperimentInput["factors"];
  targeting: { segmentId: string | null; rule: RuleGroup | null };
  coverage: number;
  unitType: string;
  layerId: string | null;
  layerShare: number;
  startsAt: string | null;
  endsAt: string | null;
  goals: { goalId: string; role: string }[];
  bandit: boolean;
  cupedDays: number;
};

const utcLocal = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16) : "");
const percent = (share: number) => Math.round(share * 10000) / 100;

/** The wizard prefilled with an experiment as stored. */
export function wizardFromResource(r: ResourceForWizard): WizardState {
  const rule = r.targeting.rule;
  return {
    key: r.key,
    name: r.name,
    hypothesis: r.hypothesis,
    type: r.type,
    placementId: r.placementId ?? "",
    experienceId: r.experienceId ?? "",
    arms:
      r.type === "multivariate"
        ? []
        : r.variations.map((v, i) =>
            blankArm(i, {
              key: v.key,
              name: v.name,
              weight: v.weight,
              content: v.variantId ?? "",
              value: v.value === undefined ? "" : JSON.stringify(v.value, null, 2),
            }),
          ),
    factors: (r.factors ?? []).map((f) => ({
      uid: uid("factor"),
      key: f.key,
      name: f.name,
      placementId: f.placementId,
      levels: f.levels.map((l, j) => blankLevel(j, { key: l.key, name: l.name, variantId: l.variantId ?? "" })),
    })),
    targetKind: r.targeting.segmentId ? "segment" : rule && rule.children.length > 0 ? "rule" : "everyone",
    segmentId: r.targeting.segmentId ?? "",
    rule: rule ?? emptyRule(),
    unitType: r.unitType === "user_id" ? "user_id" : "anonymous_id",
    startsAt: utcLocal(r.startsAt),
    endsAt: utcLocal(r.endsAt),
    goals: r.goals.map((g) => ({
      goalId: g.goalId,
      role: g.role === "primary" || g.role === "guardrail" ? g.role : "secondary",
    })),
    coverage: percent(r.coverage),
    layerId: r.layerId ?? "",
    layerShare: percent(r.layerShare),
    bandit: r.bandit,
    cupedDays: r.cupedDays,
  };
}
