import type { WorkspaceActionContext } from "@/lib/actions/action-client";
import { publish } from "@/lib/signals/bus";
import { bumpConfigVersion } from "../db/bump-config-version";

/**
 * What an action that changes the decision configuration (segments,
 * placements, experiences) calls, inside its transaction: the version goes
 * up, other processes hear NOTIFY at commit, and this one gets
 * `configChanged` once the action has committed.
 */
export async function configChanged(ctx: WorkspaceActionContext): Promise<number> {
  const version = await bumpConfigVersion(ctx.db, ctx.workspaceId);
  const workspaceId = ctx.workspaceId;
  ctx.afterCommit(async () => publish("configChanged", { workspaceId, version }));
  return version;
}
