import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { buildExperiments } from "@/lib/decide/build-experiments";
import { loadExperimentConfig } from "@/lib/decide/db/load-config";
import { loadVisitor } from "@/lib/decide/db/load-visitor";
import { loadSegmentRefs } from "@/lib/segments/db/load-segment-refs";
import { startEvaluation } from "@/lib/segments/evaluate";
import { explainRule } from "@/lib/segments/explain";
import { EMPTY_PROFILE, type VisitContext } from "@/lib/segments/state";
import { getHoldoutShare } from "../db/get-holdout-share";
import { loadProfileUnits } from "../db/load-profile-units";
import { enroll, isHeldOut, unitOf, type NotEnrolledReason } from "../enroll";

const text = z.string().max(500).optional();
export const explainArmInputSchema = z.object({
  experimentId: z.string().min(1).max(64),
  as: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("profile"),
      profileId: z.string().min(1).max(40),
      /** Which of the profile's anonymous ids the visit comes with (its first one when unset). */
      anonymousId: z.string().max(200).optional(),
    }),
    z.object({
      kind: z.literal("visitor"),
      anonymousId: z.string().trim().min(1, "Type an anonymous id").max(200),
      userId: z.string().trim().max(200).optional(),
      traits: z.record(z.string().max(120), z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
      context: z.object({ country: text, device: text, path: text, utmSource: text, utmCampaign: text }).default({}),
    }),
  ]),
});

export type ArmExplanation = {
  unitId: string | null;
  heldOut: boolean;
  enrolled: boolean;
  /** The variation served (enrolled, or the control/winner of a paused/stopped test), by key and name. */
  variation: { key: string; name: string } | null;
  how: "sticky" | "hashed" | null;
  reason: NotEnrolledReason | null;
  /** For `not_targeted`: the targeting conditions that failed. */
  failures: string[];
  /** As a draft would decide once started (drafts are explained as if running). */
  asIfRunning: boolean;
};

/**
 * "Which arm, and why" for a real profile or a made-up visitor: the same
 * enrollment decisions run (holdout, consent, targeting, schedule, stored
 * assignment, layer slice, coverage, hash), with the failing targeting
 * conditions spelled out. Drafts are explained as if started now.
 */
export const explainArmDef = workspaceQuery({
  name: "experiment.explain",
  role: "viewer",
  input: explainArmInputSchema,
  async handler(ctx, input): Promise<ArmExplanation> {
    const config = await loadExperimentConfig(ctx.workspaceId, input.experimentId);
    if (!config) throw new ActionError("not_found", "This experiment is not in this workspace");
    const asIfRunning = config.status === "draft";
    const holdoutShare = await getHoldoutShare(ctx.workspaceId);
    const segments = await loadSegmentRefs(ctx.workspaceId);
    const built = buildExperiments(
      [{ ...config, status: asIfRunning ? "running" : config.status }],
      segments,
      holdoutShare,
    );
    const experiment = [...built.all.values()][0];
    if (!experiment)
      return {
        unitId: null,
        heldOut: false,
        enrolled: false,
        variation: null,
        how: null,
        reason: null,
        failures: [],
        asIfRunning,
      };
    const now = Date.now();
    let ids: { anonymousId?: string; userId?: string };
    let context: VisitContext;
    let traits: Record<string, unknown> = {};
    if (input.as.kind === "profile") {
      const units = await loadProfileUnits(ctx.workspaceId, input.as.profileId);
      if (!units) throw new ActionError("not_found", "No such profile in this workspace");
      const chosen = input.as.anonymousId;
      ids = {
        anonymousId: chosen && units.anonymousIds.includes(chosen) ? chosen : units.anonymousIds[0],
        userId: units.userId ?? undefined,
      };
      context = {};
    } else {
      ids = { anonymousId: input.as.anonymousId, userId: input.as.userId || undefined };
      context = input.as.context;
      traits = input.as.traits;
    }
    const visitor = await loadVisitor(
      ctx.workspaceId,
      input.as.kind === "profile" ? { profileId: input.as.profileId, ...ids } : ids,
      365,
      now,
    );
    const base = visitor.profile ?? EMPTY_PROFILE;
    const evaluation = startEvaluation({ ...base, traits: { ...base.traits, ...traits } }, now, context);
    const heldOut = isHeldOut(ctx.workspaceId, ids, built.holdoutShare);
    const result = enroll(
      experiment,
      { ids, personalization: visitor.personalization, heldOut, assignments: visitor.assignments, evaluation },
      now,
    );
    const index = result.enrolled ? result.arm : result.serve;
    const arm = index === null ? null : experiment.arms[index]!;
    return {
      unitId: unitOf(experiment.unitType, ids),
      heldOut,
      enrolled: result.enrolled,
      variation: arm ? { key: arm.key, name: arm.name } : null,
      how: result.enrolled ? result.how : null,
      reason: result.enrolled ? null : result.reason,
      failures:
        !result.enrolled && result.reason === "not_targeted" && experiment.rule
          ? explainRule(experiment.rule, evaluation, segments).failures
          : [],
      asIfRunning,
    };
  },
});
