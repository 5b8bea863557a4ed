import { ActionError } from "@/lib/actions/result";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The workspace's segment with this id, locked for the change, or a not_found failure (also for another workspace's id). */
export async function requireSegment(tx: Prisma.TransactionClient, workspaceId: string, segmentId: string) {
  const segment = await tx.segment.findFirst({ where: { id: segmentId, workspaceId } });
  if (!segment) throw new ActionError("not_found", "This segment is not in this workspace");
  return segment;
}
