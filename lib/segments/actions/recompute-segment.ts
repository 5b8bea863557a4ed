import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { recomputeSegment } from "../db/recompute-segment";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { SegmentQueryTimeout } from "../db/with-statement-timeout";
import { storedRule } from "../stored-rule";
import { requireSegment } from "./require-segment";
import { RULE_TOO_SLOW } from "./rule-too-slow";

/**
 * Recomputes a dynamic segment's members and size now (they are also
 * recomputed on a schedule and as events arrive). The work runs after the
 * commit, on its own connection, under the background statement timeout; a
 * recompute that runs past it changes nothing and is answered as a refusal
 * that says so, never as a success.
 */
export const recomputeSegmentDef = workspaceAction({
  name: "segment.recompute",
  role: "editor",
  input: z.object({ segmentId: z.string().min(1).max(40) }),
  async handler(ctx, { segmentId }) {
    const segment = await requireSegment(ctx.db, ctx.workspaceId, segmentId);
    if (segment.kind !== "dynamic") throw new ActionError("invalid_input", "A static segment's members are fixed");
    ctx.afterCommit(async () => {
      try {
        await recomputeSegment(
          ctx.workspaceId,
          segment.id,
          storedRule(segment.rules),
          await loadSegmentRefs(ctx.workspaceId),
        );
      } catch (error) {
        if (!(error instanceof SegmentQueryTimeout)) throw error;
        throw new ActionError(
          "invalid_input",
          `${RULE_TOO_SLOW}. Nothing was recomputed; the members stay as they were.`,
        );
      }
    });
    return { segmentId: segment.id };
  },
});
