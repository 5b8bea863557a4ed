import { z } from "zod";
import { workspaceAction, type WorkspaceActionContext } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { freeSlice } from "../layer-slot";
import { nextStatus } from "../lifecycle";
import { requireExperiment, type LoadedExperiment } from "./checks";
import { auditView, openNextPhase } from "./phases";

export const stepExperimentInputSchema = z.object({
  experimentId: z.string().min(1).max(64),
  step: z.enum(["start", "pause", "resume", "stop", "archive", "rerandomize"]),
  /** stop: the variation rolled out to everyone the experiment targets (none: everyone gets what they had before). */
  winnerVariationId: z.string().min(1).max(64).nullable().default(null),
});

/** Experiments that serve something (and so hold their content and their layer slice). */
const LIVE = ["running", "paused"] as const;

/**
 * Moves an experiment through its life: start (a draft gets its layer slice
 * and phase 1), pause (everyone it targets gets the control, no one is
 * enrolled), resume, stop (the phase ends; a winner, if chosen, is served to
 * everyone it targets from then on), archive; and re-randomize (a running
 * experiment takes a new seed and a new phase: earlier assignments stop
 * sticking). Every step is audited and reaches the decision servers at once.
 */
export const stepExperimentDef = workspaceAction({
  name: "experiment.step",
  role: "editor",
  input: stepExperimentInputSchema,
  async handler(ctx, input): Promise<{ status: string; phase: number }> {
    const e = await requireExperiment(ctx.db, ctx.workspaceId, input.experimentId);
    const before = auditView(e);
    const now = new Date();
    let phase = e.phases[0]?.index ?? 0;
    if (input.step === "rerandomize") {
      if (!LIVE.includes(e.status as (typeof LIVE)[number]))
        throw new ActionError("invalid_input", "Only a running or paused experiment can be re-randomized");
      const seed = `${e.key}~${phase + 1}`;
      phase = await openNextPhase(ctx.db, e, {
        reason: "re-randomized",
        seed,
        coverage: e.coverage,
        weights: e.variations.map((v) => v.weight),
        targeting: { segmentId: e.segmentId, rule: e.rules ?? null },
      });
      await ctx.db.experiment.update({ where: { id: e.id }, data: { seed, seedPhase: phase } });
    } else {
      const next = nextStatus(e.status, input.step);
      if (!next.ok) throw new ActionError("invalid_input", next.message);
      const data: Record<string, unknown> = { status: next.status };
      if (input.step === "start") {
        Object.assign(data, await startChecks(ctx, e));
        phase = await openNextPhase(
          ctx.db,
          e,
          {
            reason: "start",
            seed: e.seed,
            coverage: e.coverage,
            weights: e.variations.map((v) => v.weight),
            targeting: { segmentId: e.segmentId, rule: e.rules ?? null },
          },
          now,
        );
        data.startedAt = now;
      }
      if (input.step === "stop") {
        if (input.winnerVariationId && !e.variations.some((v) => v.id === input.winnerVariationId))
          throw new ActionError("invalid_input", "Choose a variation of this experiment as the winner", {
            winnerVariationId: ["Choose a variation of this experiment"],
          });
        data.winnerVariationId = input.winnerVariationId;
        data.endedAt = now;
        await ctx.db.experimentPhase.updateMany({
          where: { experimentId: e.id, endedAt: null },
          data: { endedAt: now },
        });
      }
      if (input.step === "archive") data.winnerVariationId = null; // an archived experiment serves nothing
      await ctx.db.experiment.update({ where: { id: e.id }, data });
    }
    const after = auditView(await requireExperiment(ctx.db, ctx.workspaceId, e.id));
    ctx.audit({
      action: `experiment.${input.step}`,
      targetType: "experiment",
      targetId: e.id,
      before,
      after: { ...after, winnerVariationId: input.step === "stop" ? input.winnerVariationId : undefined },
    });
    if (e.status !== "draft" || input.step === "start") await configChanged(ctx);
    return { status: after.status, phase };
  },
});

/**
 * What starting needs: two arms or more; no other live experiment deciding
 * the same experience or placement (two tests of one thing would each
 * spoil the other's results); a free slice of its layer of the share it asked for.
 */
async function startChecks(ctx: WorkspaceActionContext, e: LoadedExperiment) {
  if (e.variations.length < 2) throw new ActionError("invalid_input", "An experiment needs at least two variations");
  if (e.type === "ab" && !e.experienceId)
    throw new ActionError("invalid_input", "The experience this test split was deleted; choose another");
  const others = await ctx.db.experiment.findMany({
    where: {
      workspaceId: ctx.workspaceId,
      id: { not: e.id },
      OR: [{ status: { in: [...LIVE] } }, { status: "stopped", winnerVariationId: { not: null } }],
    },
    select: {
      name: true,
      type: true,
      experienceId: true,
      placementId: true,
      factors: true,
      layerId: true,
      layerStart: true,
      layerEnd: true,
      status: true,
    },
  });
  const placementsOf = (x: { type: string; placementId: string | null; factors: unknown }) =>
    x.type === "multivariate"
      ? ((x.factors as { placementId: string }[] | null) ?? []).map((f) => f.placementId)
      : x.placementId
        ? [x.placementId]
        : [];
  const mine = new Set(placementsOf(e));
  for (const o of others) {
    const sameExperience = e.type === "ab" && o.type === "ab" && o.experienceId === e.experienceId;
    const overlap =
      (e.type === "multivariate" || o.type === "multivariate") && placementsOf(o).some((p) => mine.has(p));
    if (sameExperience || overlap)
      throw new ActionError("invalid_input", `“${o.name}” already decides this content; stop it first`);
  }
  if (!e.layerId) return {};
  const share = (e.layerEnd ?? 1) - (e.layerStart ?? 0);
  const taken = others
    .filter(
      (o) =>
        o.layerId === e.layerId &&
        LIVE.includes(o.status as (typeof LIVE)[number]) &&
        o.layerStart !== null &&
        o.layerEnd !== null,
    )
    .map((o) => ({ start: o.layerStart!, end: o.layerEnd! }));
  const slice = freeSlice(taken, share);
  if (!slice)
    throw new ActionError(
      "invalid_input",
      `Its layer has no free ${Math.round(share * 100)} % left; lower its share or stop another experiment of the layer`,
    );
  return { layerStart: slice.start, layerEnd: slice.end };
}
