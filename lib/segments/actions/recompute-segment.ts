import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { recomputeSegment } from "../db/recompute-segment";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { storedRule } from "../stored-rule";
import { requireSegment } from "./require-segment";

/** Recomputes a dynamic segment's members and size now (they are also recomputed on a schedule and as events arrive). */
export const recomputeSegmentDef = workspaceAction({
  name: "segment.recompute",
  role: "editor",
  input: z.object({ segmentId: z.string().min(1).max(40) }),
  async handler(ctx, { segmentId }) {
    const segment = await requireSegment(ctx.db, ctx.workspaceId, segmentId);
    if (segment.kind !== "dynamic") throw new ActionError("invalid_input", "A static segment's members are fixed");
    ctx.afterCommit(async () =>
      recomputeSegment(ctx.workspaceId, segment.id, storedRule(segment.rules), await loadSegmentRefs(ctx.workspaceId)),
    );
    return { segmentId: segment.id };
  },
});
