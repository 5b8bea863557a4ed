"use server";

import { serverAction } from "@/lib/actions/server-action";
import { createApiKeyDef } from "./create-api-key";
import { revokeApiKeyDef } from "./revoke-api-key";

export const createApiKey = serverAction(createApiKeyDef);
export const revokeApiKey = serverAction(revokeApiKeyDef);
