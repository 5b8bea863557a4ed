import { workspaceAction } from "@/lib/actions/action-client";
import { rfmStatements } from "../aggregates";
import { recomputeRfmSchema } from "../schema";

/**
 * Recomputes the workspace's RFM scores now, rather than waiting for the
 * schedule. Scores are quintiles among all buyers, so one profile cannot be
 * rescored alone: the whole workspace is.
 */
export const recomputeRfmDef = workspaceAction({
  name: "profile.recompute_rfm",
  role: "editor",
  input: recomputeRfmSchema,
  async handler(ctx) {
    let scored = 0;
    // The last statement scores the buyers; its row count is what the marketer is told.
    for (const statement of rfmStatements(ctx.workspaceId))
      scored = await ctx.db.$executeRawUnsafe(statement.text, ...statement.values);
    ctx.audit({
      action: "profile.recompute_rfm",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      after: { scored },
    });
    return { scored };
  },
});
