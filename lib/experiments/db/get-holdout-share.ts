import { db } from "@/lib/db/client";

/** The workspace's global holdout share (0 when it has none). */
export async function getHoldoutShare(workspaceId: string): Promise<number> {
  const w = await db.workspace.findUnique({ where: { id: workspaceId }, select: { holdoutShare: true } });
  return w?.holdoutShare ?? 0;
}
