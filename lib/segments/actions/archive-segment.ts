import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { requireSegment } from "./require-segment";

/**
 * Archives a segment (out of lists and pickers, no longer recomputed) or
 * restores it. Rules that refer to an archived segment keep working.
 */
export const archiveSegmentDef = workspaceAction({
  name: "segment.archive",
  role: "editor",
  input: z.object({ segmentId: z.string().min(1).max(40), archived: z.boolean() }),
  async handler(ctx, { segmentId, archived }) {
    const segment = await requireSegment(ctx.db, ctx.workspaceId, segmentId);
    await ctx.db.segment.update({ where: { id: segment.id }, data: { archivedAt: archived ? new Date() : null } });
    await configChanged(ctx); // live experiences may target it
    ctx.audit({
      action: archived ? "segment.archive" : "segment.restore",
      targetType: "segment",
      targetId: segment.id,
      before: { archivedAt: segment.archivedAt },
      after: { archived },
    });
    return { segmentId: segment.id };
  },
});
