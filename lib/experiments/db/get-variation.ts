import { db } from "@/lib/db/client";

/** One variation of one experiment of the workspace, or null. */
export async function getVariation(workspaceId: string, experimentId: string, variationId: string) {
  return db.variation.findFirst({
    where: { workspaceId, experimentId, id: variationId },
    select: { id: true, key: true, name: true, experiment: { select: { status: true } } },
  });
}
