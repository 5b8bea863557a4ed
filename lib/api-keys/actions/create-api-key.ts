import { workspaceAction } from "@/lib/actions/action-client";
import { DEFAULT_SCOPES, apiKeyPrefix, generateApiKey, hashApiKey } from "../secret";
import { createApiKeySchema } from "../schema";

/** Creates an API key; its value is returned this once and only its hash is stored. */
export const createApiKeyDef = workspaceAction({
  name: "api_key.create",
  role: "admin",
  input: createApiKeySchema,
  async handler(ctx, { name, kind }) {
    const key = generateApiKey(kind);
    const scopes = DEFAULT_SCOPES[kind];
    const apiKey = await ctx.db.apiKey.create({
      data: {
        workspaceId: ctx.workspaceId,
        name,
        prefix: apiKeyPrefix(key),
        hash: hashApiKey(key),
        scopes,
        createdById: ctx.userId,
      },
      select: { id: true, name: true, prefix: true, scopes: true },
    });
    ctx.audit({ action: "api_key.create", targetType: "api_key", targetId: apiKey.id, after: apiKey });
    return { key, apiKey };
  },
});
