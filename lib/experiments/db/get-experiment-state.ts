import { db } from "@/lib/db/client";

/** An experiment's status, its variations' ids in order and its current phase (0 before the first start), or null. */
export async function getExperimentState(workspaceId: string, experimentId: string) {
  const e = await db.experiment.findFirst({
    where: { id: experimentId, workspaceId },
    select: {
      status: true,
      variations: { select: { id: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
      phases: { select: { index: true }, orderBy: { index: "desc" }, take: 1 },
    },
  });
  return e ? { status: e.status, variationIds: e.variations.map((v) => v.id), phase: e.phases[0]?.index ?? 0 } : null;
}
