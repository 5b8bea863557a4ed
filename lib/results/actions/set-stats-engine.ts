import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { ENGINES, type Engine } from "../types";

const engine = z.enum(ENGINES as [Engine, ...Engine[]]);

export const setExperimentEngineInputSchema = z.object({
  experimentId: z.string().min(1).max(64),
  /** null: follow the workspace's default. */
  engine: engine.nullable(),
});

/** Chooses how an experiment's results are read (frequentist, sequential, Bayesian), or the workspace's default. */
export const setExperimentEngineDef = workspaceAction({
  name: "experiment.engine",
  role: "editor",
  input: setExperimentEngineInputSchema,
  async handler(ctx, input): Promise<{ engine: Engine | null }> {
    const before = await ctx.db.experiment.findFirst({
      where: { id: input.experimentId, workspaceId: ctx.workspaceId },
      select: { statsEngine: true },
    });
    if (!before) throw new ActionError("not_found", "This experiment is not in this workspace");
    await ctx.db.experiment.update({ where: { id: input.experimentId }, data: { statsEngine: input.engine } });
    ctx.audit({
      action: "experiment.engine",
      targetType: "experiment",
      targetId: input.experimentId,
      before: { statsEngine: before.statsEngine },
      after: { statsEngine: input.engine },
    });
    return { engine: input.engine };
  },
});

export const setWorkspaceEngineInputSchema = z.object({ engine });

/** The workspace's default results engine, for experiments that do not choose one (admins). */
export const setWorkspaceEngineDef = workspaceAction({
  name: "workspace.engine",
  role: "admin",
  input: setWorkspaceEngineInputSchema,
  async handler(ctx, input): Promise<{ engine: Engine }> {
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { statsEngine: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { statsEngine: input.engine } });
    ctx.audit({
      action: "workspace.engine",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before: { statsEngine: before.statsEngine },
      after: { statsEngine: input.engine },
    });
    return { engine: input.engine };
  },
});
