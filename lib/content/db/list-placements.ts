import { db } from "@/lib/db/client";

/** The workspace's placements with how many experiences each has and how many are live (the default content is not an experience). */
export async function listPlacements(workspaceId: string) {
  const placements = await db.placement.findMany({
    where: { workspaceId },
    select: {
      id: true,
      key: true,
      name: true,
      contentType: true,
      killSwitch: true,
      updatedAt: true,
      experiences: { where: { isDefault: false }, select: { status: true } },
    },
    orderBy: { key: "asc" },
  });
  return placements.map(({ experiences, ...p }) => ({
    ...p,
    experiences: experiences.length,
    live: experiences.filter((b) => b.status === "live").length,
  }));
}
