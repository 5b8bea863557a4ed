import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { goalAuditView, requireGoal } from "./require-goal";

/**
 * Deletes a goal, and with it its place in every experiment that measured
 * it. Refused while a running or paused experiment decides by it (its
 * primary goal): stop that experiment, or give it another primary goal,
 * first.
 */
export const deleteGoalDef = workspaceAction({
  name: "goal.delete",
  role: "editor",
  input: z.object({ goalId: z.string().min(1).max(64) }),
  async handler(ctx, { goalId }) {
    const goal = await requireGoal(ctx.db, ctx.workspaceId, goalId);
    const live = await ctx.db.experimentGoal.findMany({
      where: {
        workspaceId: ctx.workspaceId,
        goalId: goal.id,
        role: "primary",
        experiment: { workspaceId: ctx.workspaceId, status: { in: ["running", "paused"] } },
      },
      select: { experiment: { select: { name: true } } },
      orderBy: { experiment: { name: "asc" } },
    });
    if (live.length > 0) {
      const names = live.map((l) => `“${l.experiment.name}”`).join(", ");
      throw new ActionError(
        "conflict",
        `“${goal.name}” is the primary goal of ${live.length === 1 ? "the live experiment" : "the live experiments"} ${names}; stop ${live.length === 1 ? "it" : "them"} or choose another primary goal first`,
      );
    }
    const unlinked = await ctx.db.experimentGoal.deleteMany({
      where: { workspaceId: ctx.workspaceId, goalId: goal.id },
    });
    await ctx.db.goal.delete({ where: { id: goal.id } });
    ctx.audit({
      action: "goal.delete",
      targetType: "goal",
      targetId: goal.id,
      before: { ...goalAuditView(goal), experiments: unlinked.count },
    });
    return { goalId: goal.id };
  },
});
