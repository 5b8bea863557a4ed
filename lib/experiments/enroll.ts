import type { Evaluation } from "@/lib/segments/evaluate";
import { chooseArm, inHoldout } from "./assign";
import type { SnapshotExperiment } from "./snapshot";

/** The ids a request knows its visitor by (a user id only once verified). */
export type UnitIds = { anonymousId?: string | null; userId?: string | null };

/** An assignment as stored: a unit's variation from its first exposure, in a phase. */
export type StoredAssignment = {
  experimentId: string;
  unitId: string;
  variationId: string;
  phase: number;
  assignedAt: number;
};

/**
 * The unit an experiment hashes: the anonymous id (the user id when there is
 * none), or for `user_id` experiments the verified user id with the anonymous
 * id as fallback (GrowthBook's hashAttribute and fallbackAttribute).
 */
export function unitOf(unitType: SnapshotExperiment["unitType"], ids: UnitIds): string | null {
  const value = unitType === "user_id" ? ids.userId || ids.anonymousId : ids.anonymousId || ids.userId;
  return value || null;
}

/** The holdout's unit: the anonymous id first, so that a visitor signing in stays in or out of it. */
export const holdoutUnit = (ids: UnitIds): string | null => ids.anonymousId || ids.userId || null;

/** Whether this visitor is in the workspace's global holdout. */
export function isHeldOut(workspaceId: string, ids: UnitIds, share: number): boolean {
  const unit = holdoutUnit(ids);
  return unit !== null && inHoldout(workspaceId, unit, share);
}

/** Why a unit is not enrolled (the experiment page's QA says it in words). */
export type NotEnrolledReason =
  | "draft"
  | "paused"
  | "rolled_out"
  | "holdout"
  | "no_consent"
  | "no_unit"
  | "off_schedule"
  | "not_targeted"
  | "other_layer_slice"
  | "outside_coverage";

/**
 * A unit's place in one experiment: enrolled in an arm (`sticky` from its
 * stored assignment, or `hashed`, which the exposure buffer then stores), or
 * not enrolled with why, and the arm it is served anyway (the control when
 * paused, the winner when rolled out, else none: the content it would have had).
 */
export type Enrollment =
  | { enrolled: true; arm: number; how: "sticky" | "hashed"; unitId: string; phase: number }
  | { enrolled: false; reason: NotEnrolledReason; serve: number | null };

/** What enrollment needs to know of the visitor. */
export type EnrollmentVisitor = {
  ids: UnitIds;
  personalization: boolean;
  heldOut: boolean;
  assignments: readonly StoredAssignment[];
  /** The targeting evaluation of this visitor (segments and rules over profile and context). */
  evaluation: Evaluation;
};

/**
 * The stored assignment of this experiment that sticks (one of the current
 * seed's phases), as an arm index: the unit's own when it has one (a device
 * keeps its arm, also once signed in), else the earliest of the visitor's
 * other ids (a unit new to this experiment takes what its profile had: the
 * anonymous id's arm for a user-id experiment, after a merge the earliest).
 */
export function storedArm(
  experiment: SnapshotExperiment,
  assignments: readonly StoredAssignment[],
  unitId: string,
): number | null {
  let best: StoredAssignment | null = null;
  for (const a of assignments) {
    if (a.experimentId !== experiment.id || a.phase < experiment.seedPhase) continue;
    if (a.unitId === unitId) {
      best = a;
      break;
    }
    if (!best || a.assignedAt < best.assignedAt) best = a;
  }
  if (!best) return null;
  const arm = experiment.arms.findIndex((v) => v.id === best.variationId);
  return arm >= 0 ? arm : null;
}

/**
 * Enrolls a visitor in an experiment, or says why not. In order: a paused or
 * rolled-out experiment serves its control or winner and enrolls no one; the
 * holdout and refused consent get nothing; a visitor without any id cannot be
 * bucketed; then the schedule and targeting; then the stored assignment, the
 * layer slice, coverage and the hash (`chooseArm`). Pure.
 */
export function enroll(experiment: SnapshotExperiment, visitor: EnrollmentVisitor, now: number): Enrollment {
  if (experiment.state === "draft") return { enrolled: false, reason: "draft", serve: null };
  if (visitor.heldOut) return { enrolled: false, reason: "holdout", serve: null };
  if (!visitor.personalization) return { enrolled: false, reason: "no_consent", serve: null };
  if (experiment.state === "rollout") return { enrolled: false, reason: "rolled_out", serve: experiment.winner };
  if (experiment.matches && !experiment.matches(visitor.evaluation))
    return { enrolled: false, reason: "not_targeted", serve: null };
  if (experiment.state === "paused") return { enrolled: false, reason: "paused", serve: experiment.control };
  if (
    (experiment.startsAt !== null && now < experiment.startsAt) ||
    (experiment.endsAt !== null && now >= experiment.endsAt)
  )
    return { enrolled: false, reason: "off_schedule", serve: null };
  const unitId = unitOf(experiment.unitType, visitor.ids);
  if (!unitId) return { enrolled: false, reason: "no_unit", serve: null };
  const choice = chooseArm(experiment, unitId, storedArm(experiment, visitor.assignments, unitId));
  if (!choice.enrolled) return { enrolled: false, reason: choice.reason, serve: null };
  return { enrolled: true, arm: choice.variation, how: choice.how, unitId, phase: experiment.phase };
}
