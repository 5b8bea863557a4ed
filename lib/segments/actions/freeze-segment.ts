import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { toSql } from "../to-sql";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { storedRule } from "../stored-rule";
import { requireSegment } from "./require-segment";

/** Freezes a dynamic segment: a new static segment holding exactly the profiles that match now. */
export const freezeSegmentDef = workspaceAction({
  name: "segment.freeze",
  role: "editor",
  input: z.object({
    segmentId: z.string().min(1).max(40),
    name: z.string().trim().min(1, "Give the snapshot a name").max(120),
  }),
  async handler(ctx, { segmentId, name }) {
    const source = await requireSegment(ctx.db, ctx.workspaceId, segmentId);
    if (source.kind !== "dynamic")
      throw new ActionError("invalid_input", "Only a dynamic segment can be frozen; duplicate a static one instead");
    const now = new Date();
    const snapshot = await ctx.db.segment.create({
      data: {
        workspaceId: ctx.workspaceId,
        name,
        description: `Members of “${source.name}” on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
        kind: "static",
        source: "snapshot",
        sourceSegmentId: source.id,
      },
    });
    const { predicate, values } = toSql(storedRule(source.rules), {
      workspaceId: ctx.workspaceId,
      now: now.getTime(),
      segments: await loadSegmentRefs(ctx.workspaceId),
    });
    const size = await ctx.db.$executeRawUnsafe(
      `INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at)
       SELECT $1, $${values.length + 1}::text, p.id, $${values.length + 2}::timestamptz FROM profiles p WHERE p.workspace_id = $1 AND ${predicate}`,
      ...values,
      snapshot.id,
      now.toISOString(),
    );
    await ctx.db.segment.update({ where: { id: snapshot.id }, data: { size, lastComputedAt: now } });
    await ctx.db.segmentSizePoint.create({
      data: { workspaceId: ctx.workspaceId, segmentId: snapshot.id, at: now, size },
    });
    ctx.audit({
      action: "segment.freeze",
      targetType: "segment",
      targetId: snapshot.id,
      after: { from: source.id, name, size },
    });
    return { segmentId: snapshot.id, size };
  },
});
