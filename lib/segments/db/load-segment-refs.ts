import { db } from "@/lib/db/client";
import { storedRule } from "../stored-rule";
import type { SegmentRef } from "../state";

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
