import { db } from "@/lib/db/client";

/**
 * Units per variation of an experiment (assignments: one per unit and phase,
 * written at its first exposure): in the given phase, and over all phases.
 */
export async function countVariationUnits(
  workspaceId: string,
  experimentId: string,
  phase: number,
): Promise<Map<string, { phase: number; all: number }>> {
  const rows = await db.assignment.groupBy({
    by: ["variationId", "phase"],
    where: { workspaceId, experimentId },
    _count: { _all: true },
  });
  const units = new Map<string, { phase: number; all: number }>();
  for (const r of rows) {
    const counts = units.get(r.variationId) ?? { phase: 0, all: 0 };
    counts.all += r._count._all;
    if (r.phase === phase) counts.phase += r._count._all;
    units.set(r.variationId, counts);
  }
  return units;
}
