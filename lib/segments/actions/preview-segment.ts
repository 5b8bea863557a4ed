import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { checkSegmentRule } from "../check-rule";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { previewRule, type SegmentPreview } from "../db/preview-rule";

export const segmentPreviewDef = workspaceQuery({
  name: "segment.preview",
  role: "viewer",
  input: z.object({ rule: z.unknown(), segmentId: z.string().max(40).optional() }),
  async handler(ctx, { rule, segmentId }): Promise<SegmentPreview> {
    const refs = await loadSegmentRefs(ctx.workspaceId);
    const checked = checkSegmentRule(rule, segmentId, refs);
    if ("issues" in checked) return { valid: false, issues: checked.issues };
    return previewRule(ctx.workspaceId, checked.rule, refs);
  },
});
