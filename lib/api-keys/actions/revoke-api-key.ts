import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { keysChanged } from "./keys-changed";
import { revokeApiKeySchema } from "../schema";

/** Revokes a key: requests with it are refused from now on. */
export const revokeApiKeyDef = workspaceAction({
  name: "api_key.revoke",
  role: "admin",
  input: revokeApiKeySchema,
  async handler(ctx, { apiKeyId }) {
    const apiKey = await ctx.db.apiKey.findFirst({
      where: { id: apiKeyId, workspaceId: ctx.workspaceId, revokedAt: null },
    });
    if (!apiKey) throw new ActionError("not_found", "That key is not active in this workspace");
    await ctx.db.apiKey.update({ where: { id: apiKey.id }, data: { revokedAt: new Date() } });
    keysChanged(ctx); // every process forgets it at commit
    ctx.audit({
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: apiKey.id,
      before: { name: apiKey.name, prefix: apiKey.prefix },
    });
    return { apiKeyId };
  },
});
