import { workspaceAction } from "@/lib/actions/action-client";
import { setApiRateLimitSchema } from "../schema";
import { changeKeySetting } from "@/lib/workspaces/actions/change-key-setting";

/** The requests a second each of the workspace's keys may make, in each server process. */
export const setApiRateLimitDef = workspaceAction({
  name: "workspace.set_api_rate_limit",
  role: "admin",
  input: setApiRateLimitSchema,
  async handler(ctx, { perSecond }) {
    await changeKeySetting(ctx, "workspace.set_api_rate_limit", "apiRateLimit", perSecond);
    return { perSecond };
  },
});
