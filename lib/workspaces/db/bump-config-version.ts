import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Marks a workspace's decision configuration as changed, inside the
 * transaction of the change: the version goes up (every process's snapshot
 * of an older version is rebuilt once it hears, by `configChanged` and its
 * NOTIFY relay, or by its periodic re-check of versions).
 */
export async function bumpConfigVersion(tx: Prisma.TransactionClient, workspaceId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ config_version: number }[]>`
    UPDATE workspaces SET config_version = config_version + 1 WHERE id = ${workspaceId} RETURNING config_version`;
  return rows[0]!.config_version;
}
