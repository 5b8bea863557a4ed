import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recomputeSegment } from "../db/recompute-segment";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { storedRule } from "../stored-rule";
import { requireSegment } from "./require-segment";

/** Copies a segment (a static one with its members); the copy is a new segment to edit freely. */
export const duplicateSegmentDef = workspaceAction({
  name: "segment.duplicate",
  role: "editor",
  input: z.object({ segmentId: z.string().min(1).max(40) }),
  async handler(ctx, { segmentId }) {
    const source = await requireSegment(ctx.db, ctx.workspaceId, segmentId);
    const copy = await ctx.db.segment.create({
      data: {
        workspaceId: ctx.workspaceId,
        name: `${source.name} (copy)`.slice(0, 120),
        description: source.description,
        kind: source.kind,
        rules: source.rules as Prisma.InputJsonValue,
        source: source.kind === "static" ? source.source : null,
        sourceSegmentId: source.kind === "static" ? source.sourceSegmentId : null,
        size: source.kind === "static" ? source.size : null,
        lastComputedAt: source.kind === "static" ? new Date() : null,
      },
    });
    if (source.kind === "static") {
      await ctx.db.$executeRaw`INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at)
        SELECT workspace_id, ${copy.id}, profile_id, now() FROM segment_memberships WHERE workspace_id = ${ctx.workspaceId} AND segment_id = ${source.id} AND exited_at IS NULL`;
    } else {
      const rule = storedRule(source.rules);
      ctx.afterCommit(async () =>
        recomputeSegment(ctx.workspaceId, copy.id, rule, await loadSegmentRefs(ctx.workspaceId)),
      );
    }
    ctx.audit({
      action: "segment.duplicate",
      targetType: "segment",
      targetId: copy.id,
      after: { from: source.id, name: copy.name },
    });
    return { segmentId: copy.id };
  },
});
