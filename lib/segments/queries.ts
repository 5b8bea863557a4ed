import { db } from "@/lib/db/client";

/** The workspace's segments that are not archived, most recently changed first. */
export function listSegments(workspaceId: string) {
  return db.segment.findMany({
    where: { workspaceId, archivedAt: null },
    select: { id: true, name: true, description: true, kind: true, size: true, lastComputedAt: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
  });
}
