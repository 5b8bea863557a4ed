import type { WorkspaceActionContext } from "@/lib/actions/action-client";
import { keysChanged } from "@/lib/api-keys/actions/keys-changed";

/** Workspace settings that the API-key cache holds with each key (so a change must empty every process's cache). */
export type KeySetting = {
  corsOrigins: string[];
  requireSignedUserIds: boolean;
  requestTraits: string[];
  apiRateLimit: number;
};

/**
 * Changes one such setting of the action's workspace: the new value is
 * written, the key caches are told after the commit (`keysChanged`), and
 * the audit log gets the value before and after under `action`.
 */
export async function changeKeySetting<K extends keyof KeySetting>(
  ctx: WorkspaceActionContext,
  action: string,
  setting: K,
  value: KeySetting[K],
): Promise<void> {
  const before = await ctx.db.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { [setting]: true } as Record<K, true>,
  });
  await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { [setting]: value } });
  keysChanged(ctx);
  ctx.audit({ action, targetType: "workspace", targetId: ctx.workspaceId, before, after: { [setting]: value } });
}
