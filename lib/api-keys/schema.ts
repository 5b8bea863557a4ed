import { z } from "zod";

export const apiKeyKindSchema = z.enum(["write", "client", "admin"], { error: "Choose a key type" });

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80, "Keep the name under 80 characters"),
  kind: apiKeyKindSchema,
});
export const revokeApiKeySchema = z.object({ apiKeyId: z.string().min(1).max(64) });
