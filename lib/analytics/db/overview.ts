import { db } from "@/lib/db/client";

/** All of a workspace's profiles and those with a user id, whenever seen (the overview's header). */
export async function profileTotals(workspaceId: string) {
  const [profiles, knownProfiles] = await Promise.all([
    db.profile.count({ where: { workspaceId } }),
    db.identity.count({ where: { workspaceId, type: "user_id" } }),
  ]);
  return { profiles, knownProfiles };
}
