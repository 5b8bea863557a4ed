import { db } from "@/lib/db/client";

/** The workspace's keys, newest first; never the hash. */
export function listApiKeys(workspaceId: string) {
  return db.apiKey.findMany({
    where: { workspaceId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
