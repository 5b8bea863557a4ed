import { z } from "zod";

export const apiKeyKindSchema = z.enum(["write", "client", "admin"], { error: "Choose a key type" });

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80, "Keep the name under 80 characters"),
  kind: apiKeyKindSchema,
});
export const revokeApiKeySchema = z.object({ apiKeyId: z.string().min(1).max(64) });

/** Requests a second per key and server process (the form sends text). */
export const setApiRateLimitSchema = z.object({
  perSecond: z.coerce
    .number({ error: "Enter a number of requests a second" })
    .int("Enter a whole number")
    .min(1, "At least 1 request a second")
    .max(100_000, "At most 100,000 requests a second"),
});
