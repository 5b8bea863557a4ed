import { db } from "@/lib/db/client";

/** Whether a segment of this id is in this workspace (a breakdown by another's segment is refused, not run). */
export async function segmentExists(workspaceId: string, segmentId: string): Promise<boolean> {
  return (await db.segment.count({ where: { id: segmentId, workspaceId } })) > 0;
}
