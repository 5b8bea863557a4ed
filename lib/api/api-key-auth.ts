import type { ApiKeyScope } from "@/lib/api-keys/secret";
import { touchApiKey } from "@/lib/api-keys/db/touch-api-key";
import { findActiveApiKey } from "@/lib/api-keys/runtime/active-key";
import { noteDatabaseError } from "@/lib/db/availability";
import { ApiError } from "./errors";

/** The workspace a key belongs to, with what ingest needs of it. */
export type ApiCaller = {
  workspaceId: string;
  apiKeyId: string;
  scopes: ApiKeyScope[];
  workspace: { id: string; identitySalt: string; storePlainPii: boolean; corsOrigins: string[] };
};

/**
 * The key a request carries: `Authorization: Bearer <key>`, Basic auth with
 * the key as user name (how Segment's libraries send the write key), or
 * `x-api-key`.
 */
export function apiKeyFromHeaders(header: (name: string) => string | null): string | null {
  const authorization = header("authorization")?.trim();
  if (authorization) {
    const [scheme, value = ""] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() === "bearer") return value || null;
    if (scheme?.toLowerCase() === "basic") {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      const user = decoded.split(":", 1)[0];
      return user || null;
    }
  }
  return header("x-api-key")?.trim() || null;
}

/** Authenticates a key and checks it carries `scope`; records its use (not awaited). */
export async function authenticateApiKey(key: string | null, scope: ApiKeyScope | "any"): Promise<ApiCaller> {
  if (!key)
    throw new ApiError(
      "unauthorized",
      "Missing API key: send it as `Authorization: Bearer <key>`, or as the Basic-auth user name",
    );
  if (key.length > 200) throw new ApiError("unauthorized", "Invalid API key");
  const apiKey = await findActiveApiKey(key);
  if (!apiKey) throw new ApiError("unauthorized", "Invalid or revoked API key");
  const scopes = apiKey.scopes as ApiKeyScope[];
  if (scope !== "any" && !scopes.includes(scope)) {
    throw new ApiError("forbidden", `This key does not have the \`${scope}\` scope`);
  }
  void touchApiKey(apiKey).catch(
    (error: unknown) => noteDatabaseError(error) || console.error("[api] recording a key's use failed:", error),
  );
  return { workspaceId: apiKey.workspaceId, apiKeyId: apiKey.id, scopes, workspace: apiKey.workspace };
}
