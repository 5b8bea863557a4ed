import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { Prisma } from "@/lib/generated/prisma/client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { phaseChange } from "../lifecycle";
import { experimentInputSchema } from "../schema";
import { requireExperiment, resolveExperiment, type LoadedExperiment } from "./checks";
import { auditView, openNextPhase } from "./phases";

export const saveExperimentInputSchema = z.intersection(
  z.object({ experimentId: z.string().min(1).max(64).optional() }),
  experimentInputSchema,
);

const json = (value: unknown) =>
  value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);

/**
 * Creates a draft experiment, or changes one. A draft changes freely. A
 * running or paused one keeps its type, its content and its variations (add
 * or remove arms by stopping it and starting another); its weights,
 * coverage and targeting may change, and each such change starts a new
 * phase (results are read per phase). A stopped or archived one keeps
 * everything but its name, hypothesis and goals.
 */
export const saveExperimentDef = workspaceAction({
  name: "experiment.save",
  role: "editor",
  input: saveExperimentInputSchema,
  async handler(ctx, input): Promise<{ experimentId: string; newPhase: string | null }> {
    const existing = input.experimentId ? await requireExperiment(ctx.db, ctx.workspaceId, input.experimentId) : null;
    const clash = await ctx.db.experiment.findFirst({
      where: { workspaceId: ctx.workspaceId, key: input.key, ...(existing ? { id: { not: existing.id } } : {}) },
      select: { id: true },
    });
    if (clash)
      throw new ActionError("invalid_input", "Another experiment has this key", {
        key: ["Another experiment has this key"],
      });
    const resolved = await resolveExperiment(ctx.db, ctx.workspaceId, input);
    const goals = input.goals.map((g) => ({ workspaceId: ctx.workspaceId, goalId: g.goalId, role: g.role }));
    const common = {
      name: input.name,
      hypothesis: input.hypothesis,
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      cupedDays: input.cupedDays,
    };
    if (!existing) {
      const created = await ctx.db.experiment.create({
        data: {
          workspaceId: ctx.workspaceId,
          key: input.key,
          seed: input.key,
          ...common,
          ...draftFields(input, resolved),
          variations: { create: variationRows(ctx.workspaceId, resolved.variations) },
          goals: { create: goals.map(({ goalId, role }) => ({ workspaceId: ctx.workspaceId, goalId, role })) },
        },
      });
      ctx.audit({ action: "experiment.create", targetType: "experiment", targetId: created.id, after: input });
      return { experimentId: created.id, newPhase: null };
    }
    const before = auditView(existing);
    await ctx.db.experimentGoal.deleteMany({ where: { experimentId: existing.id } });
    await ctx.db.experimentGoal.createMany({ data: goals.map((g) => ({ ...g, experimentId: existing.id })) });
    let newPhase: string | null = null;
    if (existing.status === "draft") {
      await ctx.db.variation.deleteMany({ where: { experimentId: existing.id } });
      await ctx.db.experiment.update({
        where: { id: existing.id },
        data: {
          key: input.key,
          seed: input.key,
          ...common,
          ...draftFields(input, resolved),
          variations: { create: variationRows(ctx.workspaceId, resolved.variations) },
        },
      });
    } else if (existing.status === "running" || existing.status === "paused") {
      requireSameDesign(existing, input, resolved.variations);
      // a bandit's weights are its own (the schedule moves them): an edit keeps them, and opens no phase for them
      const weights = existing.bandit
        ? existing.variations.map((v) => v.weight)
        : resolved.variations.map((v) => v.weight);
      const targeting = resolved.targeting;
      newPhase = phaseChange(
        {
          weights: existing.variations.map((v) => v.weight),
          coverage: existing.coverage,
          targeting: { segmentId: existing.segmentId, rule: existing.rules ?? null },
          seed: existing.seed,
        },
        { weights, coverage: input.coverage, targeting, seed: existing.seed },
      );
      for (const [i, v] of existing.variations.entries())
        await ctx.db.variation.update({
          where: { id: v.id },
          data: { weight: weights[i]!, name: resolved.variations[i]!.name },
        });
      await ctx.db.experiment.update({
        where: { id: existing.id },
        data: {
          ...common,
          coverage: input.coverage,
          segmentId: targeting.segmentId,
          rules: json(targeting.rule),
          startsAt: input.startsAt ? new Date(input.startsAt) : null,
        },
      });
      if (newPhase)
        await openNextPhase(ctx.db, existing, {
          reason: newPhase,
          seed: existing.seed,
          coverage: input.coverage,
          weights,
          targeting,
        });
      await configChanged(ctx);
    } else {
      if (input.key !== existing.key)
        throw new ActionError("invalid_input", "A stopped experiment keeps its key", {
          key: ["A stopped experiment keeps its key"],
        });
      await ctx.db.experiment.update({
        where: { id: existing.id },
        data: { name: input.name, hypothesis: input.hypothesis, cupedDays: input.cupedDays },
      });
    }
    const after = auditView(await requireExperiment(ctx.db, ctx.workspaceId, existing.id));
    ctx.audit({
      action: "experiment.update",
      targetType: "experiment",
      targetId: existing.id,
      before,
      after: { ...after, newPhase },
    });
    return { experimentId: existing.id, newPhase };
  },
});

/** The rows of a draft's variations, in order: the first is the control. */
function variationRows(workspaceId: string, planned: Awaited<ReturnType<typeof resolveExperiment>>["variations"]) {
  return planned.map((v, position) => ({
    workspaceId,
    key: v.key,
    name: v.name,
    weight: v.weight,
    position,
    isControl: position === 0,
    variantId: v.variantId,
    payload: json(v.payload),
  }));
}

/** The columns a draft takes from the wizard as they are. */
function draftFields(
  input: z.output<typeof experimentInputSchema>,
  resolved: Awaited<ReturnType<typeof resolveExperiment>>,
) {
  return {
    type: input.type,
    coverage: input.coverage,
    unitType: input.unitType,
    experienceId: input.type === "ab" ? input.experienceId : null,
    placementId: resolved.placementId,
    factors: input.type === "multivariate" ? json(input.factors) : Prisma.DbNull,
    segmentId: resolved.targeting.segmentId,
    rules: json(resolved.targeting.rule),
    layerId: input.layerId,
    // a draft keeps its share of the layer as [0, share): starting it finds the free slice of that size
    layerStart: input.layerId ? 0 : null,
    layerEnd: input.layerId ? input.layerShare : null,
    startsAt: input.startsAt ? new Date(input.startsAt) : null,
    bandit: input.bandit,
  };
}

/** A running experiment keeps its type, test subject, variations (keys, order) and their content. */
function requireSameDesign(
  existing: LoadedExperiment,
  input: z.output<typeof experimentInputSchema>,
  planned: { key: string; variantId: string | null; payload: unknown }[],
): void {
  const refuse = (path: string, message: string) => {
    throw new ActionError("invalid_input", message, { [path]: [message] });
  };
  if (input.key !== existing.key) refuse("key", "A started experiment keeps its key");
  if (input.type !== existing.type) refuse("type", "A started experiment keeps its type");
  if (existing.type === "ab" && input.experienceId !== existing.experienceId)
    refuse("experienceId", "A started experiment keeps the experience it tests");
  if (input.layerId !== existing.layerId) refuse("layerId", "A started experiment stays in its layer");
  if (input.unitType !== existing.unitType) refuse("unitType", "A started experiment keeps its unit");
  if (input.bandit !== existing.bandit)
    refuse("bandit", "A started experiment keeps how it splits traffic (bandit or fixed)");
  const same =
    planned.length === existing.variations.length &&
    planned.every(
      (p, i) =>
        p.key === existing.variations[i]!.key &&
        p.variantId === existing.variations[i]!.variantId &&
        JSON.stringify(p.payload ?? null) === JSON.stringify(existing.variations[i]!.payload ?? null),
    );
  if (!same)
    refuse(
      existing.type === "multivariate" ? "factors" : "variations",
      "A started experiment keeps its variations and their content; stop it and start a new one to change them",
    );
}
