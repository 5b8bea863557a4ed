import { findCycle, segmentConditions } from "./references";
import type { RuleIssue } from "./rule-size";
import { segmentRuleSchema, type RuleGroup } from "./schema";
import type { SegmentRef } from "./state";

export type { RuleIssue };

/**
 * A rule checked for a segment or an experience's inline targeting (its size,
 * its shape, its operands, and no cycle through other segments); issues say
 * where.
 */
export function checkSegmentRule(
  raw: unknown,
  segmentId: string | undefined,
  refs: ReadonlyMap<string, SegmentRef & { name: string }>,
): { rule: RuleGroup } | { issues: RuleIssue[] } {
  const parsed = segmentRuleSchema.safeParse(raw);
  if (!parsed.success)
    return {
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: i.message,
      })),
    };
  const unknown = segmentConditions(parsed.data).filter((c) => !refs.has(c.segmentId));
  if (unknown.length > 0)
    return {
      issues: unknown.map((c) => ({ path: [...c.path, "segmentId"], message: "Choose a segment of this workspace" })),
    };
  const cycle = findCycle(segmentId ?? "(this segment)", parsed.data, refs);
  if (cycle) {
    const names = cycle.map((id) => refs.get(id)?.name ?? "this segment");
    return { issues: [{ path: [], message: `A segment cannot contain itself: ${names.join(" → ")}` }] };
  }
  return { rule: parsed.data };
}
