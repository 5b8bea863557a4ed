import { workspaceAction } from "@/lib/actions/action-client";
import { setApiRateLimitSchema } from "../schema";
import { keysChanged } from "./keys-changed";

/** The requests a second each of the workspace's keys may make, in each server process. */
export const setApiRateLimitDef = workspaceAction({
  name: "workspace.set_api_rate_limit",
  role: "admin",
  input: setApiRateLimitSchema,
  async handler(ctx, { perSecond }) {
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { apiRateLimit: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { apiRateLimit: perSecond } });
    keysChanged(ctx); // the key cache holds each workspace's limit
    ctx.audit({
      action: "workspace.set_api_rate_limit",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: { apiRateLimit: perSecond },
    });
    return { perSecond };
  },
});
