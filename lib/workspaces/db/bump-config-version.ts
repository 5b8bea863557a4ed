import type { Prisma } from "@/lib/generated/prisma/client";
import { CONFIG_CHANNEL, configNotice } from "../config-channel";

/**
 * Marks a workspace's decision configuration as changed, inside the
 * transaction of the change: the version goes up, and every process is
 * notified when (and only if) the transaction commits.
 */
export async function bumpConfigVersion(tx: Prisma.TransactionClient, workspaceId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ config_version: number }[]>`
    UPDATE workspaces SET config_version = config_version + 1 WHERE id = ${workspaceId} RETURNING config_version`;
  const version = rows[0]!.config_version;
  await tx.$executeRaw`SELECT pg_notify(${CONFIG_CHANNEL}, ${configNotice(workspaceId, version)})`;
  return version;
}
