import { db } from "@/lib/db/client";

/** Exposures per variation of an experiment since it began (the holdout's under ""). */
export async function countVariationExposures(workspaceId: string, experimentId: string): Promise<Map<string, number>> {
  const rows = await db.variationExposure.groupBy({
    by: ["variationId"],
    where: { workspaceId, experimentId },
    _sum: { exposures: true },
  });
  return new Map(rows.map((r) => [r.variationId, Number(r._sum.exposures ?? 0)]));
}
