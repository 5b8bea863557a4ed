import { db } from "@/lib/db/client";

/** The workspace's experiments by status (draft, running, paused, completed: the enum's order), then latest changed first, with their number of variations. */
export function listExperiments(workspaceId: string) {
  return db.experiment.findMany({
    where: { workspaceId },
    select: {
      id: true,
      key: true,
      name: true,
      type: true,
      status: true,
      startedAt: true,
      updatedAt: true,
      _count: { select: { variations: true } },
    },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
  });
}
