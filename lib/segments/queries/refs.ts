import { db } from "@/lib/db/client";
import { ruleGroupSchema, type RuleGroup } from "../schema";
import type { SegmentRef } from "../state";

/** A stored rule, read defensively: a rule that no longer parses matches no one rather than failing every query. */
export function storedRule(json: unknown): RuleGroup {
  const parsed = ruleGroupSchema.safeParse(json);
  return parsed.success ? parsed.data : { type: "group", id: "root", combinator: "or", children: [] };
}

/** Every segment of the workspace (archived ones too: rules may still refer to them), for membership conditions. */
export async function loadSegmentRefs(
  workspaceId: string,
): Promise<Map<string, SegmentRef & { name: string; archived: boolean }>> {
  const rows = await db.segment.findMany({
    where: { workspaceId },
    select: { id: true, name: true, kind: true, rules: true, archivedAt: true },
  });
  return new Map(
    rows.map((r) => [r.id, { kind: r.kind, rule: storedRule(r.rules), name: r.name, archived: r.archivedAt !== null }]),
  );
}
