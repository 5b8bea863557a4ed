"use server";

import { createApiKeyDef } from "@/lib/api-keys/create";
import { revokeApiKeyDef } from "@/lib/api-keys/revoke";
import { serverAction } from "@/lib/actions/server-action";
import { setCorsOriginsDef } from "@/lib/workspaces/cors-origins";

export const createApiKey = serverAction(createApiKeyDef);
export const revokeApiKey = serverAction(revokeApiKeyDef);
export const setCorsOrigins = serverAction(setCorsOriginsDef);
