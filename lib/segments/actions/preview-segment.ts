import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { checkSegmentRule } from "../check-rule";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { previewRule, type SegmentPreview } from "../db/preview-rule";
import { SegmentQueryTimeout } from "../db/with-statement-timeout";
import { RULE_TOO_SLOW } from "./rule-too-slow";

/**
 * The live size of a rule being edited, or what is wrong with it: its
 * issues, or (when counting it ran past the interactive statement timeout)
 * that it takes too long, as an issue of the whole rule.
 */
export const segmentPreviewDef = workspaceQuery({
  name: "segment.preview",
  role: "viewer",
  input: z.object({ rule: z.unknown(), segmentId: z.string().max(40).optional() }),
  async handler(ctx, { rule, segmentId }): Promise<SegmentPreview> {
    const refs = await loadSegmentRefs(ctx.workspaceId);
    const checked = checkSegmentRule(rule, segmentId, refs);
    if ("issues" in checked) return { valid: false, issues: checked.issues };
    try {
      return await previewRule(ctx.workspaceId, checked.rule, refs);
    } catch (error) {
      if (error instanceof SegmentQueryTimeout) return { valid: false, issues: [{ path: [], message: RULE_TOO_SLOW }] };
      throw error;
    }
  },
});
