import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";

export const setHoldoutInputSchema = z.object({
  /** Share of all visitors in the global holdout, 0 to 50 %. */
  share: z.number().min(0, "0 % to 50 %").max(0.5, "At most 50 %"),
});

/**
 * Sets the workspace's global holdout: that share of visitors (by anonymous
 * id, hashed in a namespace of its own) gets no personalization and no
 * experiment, defaults everywhere, so that the lift of personalization as a
 * whole can be measured. Changing it moves visitors in or out: admins only.
 */
export const setHoldoutDef = workspaceAction({
  name: "workspace.holdout",
  role: "admin",
  input: setHoldoutInputSchema,
  async handler(ctx, input): Promise<{ share: number }> {
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { holdoutShare: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { holdoutShare: input.share } });
    ctx.audit({
      action: "workspace.holdout",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before: { holdoutShare: before.holdoutShare },
      after: { holdoutShare: input.share },
    });
    await configChanged(ctx);
    return { share: input.share };
  },
});
