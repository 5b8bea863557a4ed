import { db } from "@/lib/db/client";

/**
 * The ids a profile's visits come with (its anonymous ids, oldest first, and its user id), or null when the
 * profile is not in the workspace: what an experiment would bucket it by.
 */
export async function loadProfileUnits(
  workspaceId: string,
  profileId: string,
): Promise<{ anonymousIds: string[]; userId: string | null } | null> {
  const profile = await db.profile.findFirst({ where: { workspaceId, id: profileId }, select: { id: true } });
  if (!profile) return null;
  const ids = await db.identity.findMany({
    where: { workspaceId, profileId, type: { in: ["anonymous_id", "user_id"] } },
    select: { type: true, value: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  return {
    anonymousIds: ids.filter((i) => i.type === "anonymous_id").map((i) => i.value),
    userId: ids.find((i) => i.type === "user_id")?.value ?? null,
  };
}
