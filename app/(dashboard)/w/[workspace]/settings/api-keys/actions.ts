"use server";

import { createApiKeyDef } from "@/lib/api-keys/create";
import { revokeApiKeyDef } from "@/lib/api-keys/revoke";
import { serverAction } from "@/lib/actions/server-action";

export const createApiKey = serverAction(createApiKeyDef);
export const revokeApiKey = serverAction(revokeApiKeyDef);
