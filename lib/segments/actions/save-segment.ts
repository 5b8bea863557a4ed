import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { ActionError } from "@/lib/actions/result";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentRef } from "../state";
import { recomputeSegment } from "../db/recompute-segment";
import { checkSegmentRule } from "../check-rule";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { ruleFieldErrors } from "../issue-paths";
import { requireSegment } from "./require-segment";

export const segmentDetailsSchema = z.object({
  name: z.string().trim().min(1, "Give the segment a name").max(120, "At most 120 characters"),
  description: z.string().trim().max(500, "At most 500 characters").default(""),
});

/**
 * Creates a dynamic segment, or changes one (name, description, rule). The
 * rule is checked (shape, operands, segments of this workspace, no cycle);
 * once saved, its members are computed.
 */
export const saveSegmentDef = workspaceAction({
  name: "segment.save",
  role: "editor",
  input: segmentDetailsSchema.extend({ segmentId: z.string().max(40).optional(), rule: z.unknown() }),
  async handler(ctx, { segmentId, name, description, rule: raw }) {
    const refs = await loadSegmentRefs(ctx.workspaceId);
    const existing = segmentId ? await requireSegment(ctx.db, ctx.workspaceId, segmentId) : null;
    if (existing && existing.kind !== "dynamic")
      throw new ActionError("invalid_input", "A static segment's members are fixed; duplicate it to change them");
    if (existing?.archivedAt) throw new ActionError("invalid_input", "Restore this segment before changing it");
    const checked = checkSegmentRule(raw, segmentId, refs);
    if ("issues" in checked)
      throw new ActionError("invalid_input", "The rule needs attention", ruleFieldErrors(checked.issues));
    const rules = checked.rule as unknown as Prisma.InputJsonValue;
    const segment = existing
      ? await ctx.db.segment.update({ where: { id: existing.id }, data: { name, description, rules } })
      : await ctx.db.segment.create({
          data: { workspaceId: ctx.workspaceId, name, description, kind: "dynamic", rules },
        });
    await configChanged(ctx); // live experiences may target it
    ctx.audit({
      action: existing ? "segment.update" : "segment.create",
      targetType: "segment",
      targetId: segment.id,
      before: existing ? { name: existing.name, description: existing.description, rules: existing.rules } : undefined,
      after: { name, description, rules: checked.rule },
    });
    ctx.afterCommit(() =>
      recomputeSegment(
        ctx.workspaceId,
        segment.id,
        checked.rule,
        new Map<string, SegmentRef>([...refs, [segment.id, { kind: "dynamic", rule: checked.rule }]]),
      ),
    );
    return { segmentId: segment.id };
  },
});
