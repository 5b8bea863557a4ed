import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionError } from "@/lib/actions/result";

/**
 * Refuses a change that would leave the workspace without an admin. The
 * admins' rows are locked first so two concurrent demotions cannot both pass.
 */
export async function assertKeepsAnAdmin(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  membershipId: string,
): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships WHERE workspace_id = ${workspaceId} AND role = 'admin' FOR UPDATE`;
  if (admins.length === 1 && admins[0]?.id === membershipId) {
    throw new ActionError("conflict", "A workspace needs at least one admin: make someone else admin first");
  }
}
