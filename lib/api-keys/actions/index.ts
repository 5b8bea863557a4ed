"use server";

import { serverAction } from "@/lib/actions/server-action";
import { createApiKeyDef } from "./create-api-key";
import { revokeApiKeyDef } from "./revoke-api-key";
import { setApiRateLimitDef } from "./set-api-rate-limit";

export const createApiKey = serverAction(createApiKeyDef);
export const revokeApiKey = serverAction(revokeApiKeyDef);
export const setApiRateLimit = serverAction(setApiRateLimitDef);
