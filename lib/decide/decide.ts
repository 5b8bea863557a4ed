import { startEvaluation } from "@/lib/segments/evaluate";
import { EMPTY_PROFILE, type ProfileState } from "@/lib/segments/state";
import type { TemplateData } from "@/lib/content/template";
import { enroll, isHeldOut, type Enrollment } from "@/lib/experiments/enroll";
import type { SnapshotArm, SnapshotExperiment } from "@/lib/experiments/snapshot";
import { templateData } from "./template-data";
import type {
  DecideRequest,
  DecideResult,
  Decision,
  ExperimentDecision,
  Snapshot,
  SnapshotExperience,
  SnapshotPlacement,
  SnapshotVariant,
  VisitorState,
} from "./types";

/**
 * Decisions of variants without template outputs, made once per variant,
 * reason and variation and frozen: every request served that variant gets the same object
 * (so the answer's JSON of it is made once too, see answer-json.ts).
 */
type Why = {
  experienceId: string | null;
  reason: Decision["reason"];
  experimentId: string | null;
  variationId: string | null;
};
const literalDecisions = new WeakMap<SnapshotVariant, Map<string, Decision>>();
function literalDecision(placement: SnapshotPlacement, variant: SnapshotVariant, content: string, why: Why): Decision {
  let byWhy = literalDecisions.get(variant);
  if (!byWhy) literalDecisions.set(variant, (byWhy = new Map()));
  const key = why.variationId === null ? why.reason : `${why.reason}\u0000${why.variationId}`;
  const made = byWhy.get(key);
  if (
    made?.experienceId === why.experienceId &&
    made.experimentId === why.experimentId &&
    made.placementId === placement.id &&
    made.contentType === placement.contentType
  )
    return made;
  const decision = Object.freeze({
    placementId: placement.id,
    variantId: variant.id,
    experienceId: why.experienceId,
    content,
    contentType: placement.contentType,
    reason: why.reason,
    experimentId: why.experimentId,
    variationId: why.variationId,
  });
  byWhy.set(key, decision);
  return decision;
}

/** How an arm is answered, in or out of its experiment: one frozen object each, shared by every request (answer-json.ts makes its JSON once). */
const armAnswers = new WeakMap<SnapshotArm, { in?: ExperimentDecision; out?: ExperimentDecision }>();
function experimentDecision(
  experiment: SnapshotExperiment,
  arm: SnapshotArm,
  inExperiment: boolean,
): ExperimentDecision {
  let made = armAnswers.get(arm);
  if (!made) armAnswers.set(arm, (made = {}));
  const side = inExperiment ? "in" : "out";
  return (made[side] ??= Object.freeze({
    experimentId: experiment.id,
    variationId: arm.id,
    variation: arm.key,
    value: arm.value,
    inExperiment,
  }));
}

/** The experiment and arm a preview link forces, when they are in the snapshot. */
function forcedArm(
  snapshot: Snapshot,
  forced: { experimentId: string; variationId: string },
): { experiment: SnapshotExperiment; arm: SnapshotArm } | null {
  for (const experiment of snapshot.experiments.all.values()) {
    if (experiment.id !== forced.experimentId) continue;
    const arm = experiment.arms.find((a) => a.id === forced.variationId);
    return arm ? { experiment, arm } : null;
  }
  return null;
}

/** Whether an experience's schedule includes this instant. */
export function isScheduled(experience: Pick<SnapshotExperience, "startsAt" | "endsAt">, now: number): boolean {
  return (
    (experience.startsAt === null || now >= experience.startsAt) &&
    (experience.endsAt === null || now < experience.endsAt)
  );
}

/**
 * What each requested placement shows this visitor, and why. Pure: the
 * snapshot, what is known of the visitor and the request in, decisions out.
 * Per placement: the kill switch serves the default; without
 * personalization consent, or in the global holdout, the default; then a
 * multivariate test deciding the placement, else the first live, scheduled
 * experience whose rule matches (its A/B test, if any, choosing the arm),
 * else the default. Requested flag experiments are enrolled too. Unknown
 * keys are reported, not fatal.
 */
export function decide(snapshot: Snapshot, visitor: VisitorState, request: DecideRequest): DecideResult {
  const base = visitor.profile ?? EMPTY_PROFILE;
  const traits = request.traits ? { ...base.traits, ...request.traits } : base.traits;
  const state: ProfileState = request.traits ? { ...base, traits } : base;
  const evaluation = startEvaluation(state, request.now, request.context);
  const { experiments } = snapshot;
  const heldOut =
    experiments.holdoutShare > 0 && isHeldOut(snapshot.workspaceId, request.ids, experiments.holdoutShare);
  let data: TemplateData | undefined; // built once, and only when a template reads it
  const result: DecideResult = {
    decisions: {},
    unknownPlacements: [],
    empty: [],
    experiments: {},
    exposures: [],
    holdout: heldOut,
  };
  const serve = (placement: SnapshotPlacement, variant: SnapshotVariant, why: Why): Decision => {
    const { literal } = variant.template;
    if (literal !== null) return literalDecision(placement, variant, literal, why);
    const content = variant.template.render(
      (data ??= templateData(visitor.profile, traits, request.context, request.now)),
    );
    return {
      placementId: placement.id,
      variantId: variant.id,
      experienceId: why.experienceId,
      content,
      contentType: placement.contentType,
      reason: why.reason,
      experimentId: why.experimentId,
      variationId: why.variationId,
    };
  };
  // each experiment is enrolled once per request, and its exposure noted once, when it serves something
  const enrollments = new Map<SnapshotExperiment, Enrollment>();
  const enrollment = (experiment: SnapshotExperiment): Enrollment => {
    let made = enrollments.get(experiment);
    if (!made) {
      made = enroll(
        experiment,
        {
          ids: request.ids,
          personalization: visitor.personalization,
          heldOut,
          assignments: visitor.assignments,
          evaluation,
        },
        request.now,
      );
      enrollments.set(experiment, made);
    }
    return made;
  };
  /** The arm an experiment serves this visitor (noting it in the answer), or null when it leaves the content alone. */
  const armOf = (experiment: SnapshotExperiment): SnapshotArm | null => {
    const e = enrollment(experiment);
    const index = e.enrolled ? e.arm : e.serve;
    if (index === null) return null;
    const arm = experiment.arms[index]!;
    if (!(experiment.key in result.experiments)) {
      result.experiments[experiment.key] = experimentDecision(experiment, arm, e.enrolled);
      if (e.enrolled)
        result.exposures.push({
          experimentId: experiment.id,
          variationId: arm.id,
          unitId: e.unitId,
          phase: e.phase,
          hashed: e.how === "hashed",
        });
    }
    return arm;
  };
  /** An arm's content in a placement: its variant, or the placement's default (null when there is none). */
  const armDecision = (
    placement: SnapshotPlacement,
    experiment: SnapshotExperiment,
    arm: SnapshotArm,
  ): Decision | null => {
    const variantId = arm.variants.get(placement.id) ?? null;
    const variant = variantId === null ? placement.fallback : (snapshot.variants.get(variantId) ?? placement.fallback);
    if (!variant) return null;
    const experienceId = variantId === null ? null : (snapshot.variantExperiences.get(variantId) ?? null);
    return serve(placement, variant, {
      experienceId,
      reason: "experiment",
      experimentId: experiment.id,
      variationId: arm.id,
    });
  };
  const forced = request.forced ? forcedArm(snapshot, request.forced) : null;
  if (forced) result.experiments[forced.experiment.key] = experimentDecision(forced.experiment, forced.arm, false);
  for (const key of new Set(request.placements)) {
    const placement = snapshot.placements.get(key);
    if (!placement) {
      result.unknownPlacements.push(key);
      continue;
    }
    let decision: Decision | null = null;
    if (forced && !placement.killSwitch && forced.experiment.placementIds.includes(placement.id)) {
      decision = armDecision(placement, forced.experiment, forced.arm);
    } else if (placement.killSwitch || !visitor.personalization || heldOut) {
      const reason = placement.killSwitch ? "kill_switch" : !visitor.personalization ? "no_consent" : "holdout";
      if (placement.fallback)
        decision = serve(placement, placement.fallback, {
          experienceId: null,
          reason,
          experimentId: null,
          variationId: null,
        });
    } else {
      const factorial = experiments.byPlacement.get(placement.id);
      const factorialArm = factorial ? armOf(factorial) : null;
      if (factorial && factorialArm) decision = armDecision(placement, factorial, factorialArm);
      else {
        const winner = placement.experiences.find((e) => isScheduled(e, request.now) && e.matches(evaluation));
        const test = winner ? experiments.byExperience.get(winner.id) : undefined;
        const arm = test ? armOf(test) : null;
        if (test && arm) decision = armDecision(placement, test, arm);
        else if (winner)
          decision = serve(placement, winner.variants[0], {
            experienceId: winner.id,
            reason: "experience",
            experimentId: null,
            variationId: null,
          });
        else if (placement.fallback)
          decision = serve(placement, placement.fallback, {
            experienceId: null,
            reason: "default",
            experimentId: null,
            variationId: null,
          });
      }
    }
    if (decision) result.decisions[key] = decision;
    else result.empty.push(key);
  }
  for (const key of request.experiments ?? []) {
    const flag = experiments.all.get(key);
    if (!flag || flag.type !== "flag" || flag.state === "draft" || key in result.experiments) continue;
    if (!armOf(flag)) {
      // not enrolled (not targeted, outside coverage, holdout…): the control's value, outside the experiment
      result.experiments[key] = experimentDecision(flag, flag.arms[flag.control]!, false);
    }
  }
  return result;
}
