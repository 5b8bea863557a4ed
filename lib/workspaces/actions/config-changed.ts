import type { WorkspaceActionContext } from "@/lib/actions/action-client";
import { publish } from "@/lib/signals/bus";
import { bumpConfigVersion } from "../db/bump-config-version";

/**
 * What an action that changes the decision configuration (segments,
 * placements, experiences) calls, inside its transaction: the version goes
 * up, and once the action has committed `configChanged` tells this process
 * (and, relayed by NOTIFY, every other one).
 */
export async function configChanged(ctx: WorkspaceActionContext): Promise<number> {
  const version = await bumpConfigVersion(ctx.db, ctx.workspaceId);
  const workspaceId = ctx.workspaceId;
  ctx.afterCommit(async () => publish("configChanged", { workspaceId, version }));
  return version;
}
