import { db } from "@/lib/db/client";

/**
 * The workspace's experiments by status (draft, running, paused, stopped, archived: the enum's order), then latest
 * changed first, with their number of variations and of units (assignments: one per unit and phase).
 */
export async function listExperiments(workspaceId: string) {
  const rows = await db.experiment.findMany({
    where: { workspaceId },
    select: {
      id: true,
      key: true,
      name: true,
      type: true,
      status: true,
      startedAt: true,
      endedAt: true,
      updatedAt: true,
      layer: { select: { name: true } },
      _count: { select: { variations: true, assignments: true } },
    },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
  });
  return rows.map(({ _count, layer, ...e }) => ({
    ...e,
    layerName: layer?.name ?? null,
    variations: _count.variations,
    units: _count.assignments,
  }));
}
export type ExperimentListRow = Awaited<ReturnType<typeof listExperiments>>[number];
