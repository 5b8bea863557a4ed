import { db } from "@/lib/db/client";

/** The secret salt a workspace's preview links are signed with (see preview-token.ts), or null for no such workspace. */
export async function getPreviewSecret(workspaceId: string): Promise<string | null> {
  const w = await db.workspace.findUnique({ where: { id: workspaceId }, select: { identitySalt: true } });
  return w?.identitySalt ?? null;
}
