import type { WorkspaceActionContext } from "@/lib/actions/action-client";
import { publish } from "@/lib/signals/bus";
import { notifyKeysChanged } from "../db/notify-keys-changed";

/**
 * What an action that changes keys or their allowed origins calls, inside
 * its transaction: other processes hear NOTIFY at commit, and this one gets
 * `keysChanged` once the action has committed (its key cache empties).
 */
export async function keysChanged(ctx: WorkspaceActionContext): Promise<void> {
  await notifyKeysChanged(ctx.db);
  const workspaceId = ctx.workspaceId;
  ctx.afterCommit(async () => publish("keysChanged", { workspaceId }));
}
