import type { WorkspaceActionContext } from "@/lib/actions/action-client";
import { publish } from "@/lib/signals/bus";

/**
 * What an action that changes keys, their allowed origins or what the key
 * cache holds of a workspace (identity secrets, request traits) calls: once
 * it has committed, `keysChanged` empties this process's key cache and,
 * relayed by NOTIFY, every other one's.
 */
export function keysChanged(ctx: WorkspaceActionContext): void {
  const workspaceId = ctx.workspaceId;
  ctx.afterCommit(async () => publish("keysChanged", { workspaceId }));
}
