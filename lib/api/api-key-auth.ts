import { kindOfKey, type ApiKeyKind, type ApiKeyScope } from "@/lib/api-keys/secret";
import type { ActiveKey } from "@/lib/api-keys/db/load-active-key";
import { SERVER_TRUST, type CallerTrust } from "@/lib/identity/signed-user-id";
import { touchApiKey } from "@/lib/api-keys/db/touch-api-key";
import { findActiveApiKey } from "@/lib/api-keys/runtime/active-key";
import { noteDatabaseError } from "@/lib/db/availability";
import { ApiError } from "./errors";

/** The workspace a key belongs to, with what ingest needs of it, and how far its identity claims are trusted. */
export type ApiCaller = {
  workspaceId: string;
  apiKeyId: string;
  /** `client`: a public key, in every storefront page (anyone may hold it). */
  kind: ApiKeyKind;
  scopes: ApiKeyScope[];
  workspace: ActiveKey["workspace"];
  /** A server key's ids are its holder's word; a client key's userId counts only when signed. */
  trust: CallerTrust;
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
  const kind = kindOfKey(key) ?? "client"; // a key without a known marker gets the least trust
  return {
    workspaceId: apiKey.workspaceId,
    apiKeyId: apiKey.id,
    kind,
    scopes,
    workspace: apiKey.workspace,
    trust: kind === "client" ? browserTrust(apiKey.workspace) : SERVER_TRUST,
  };
}

/** The trust of a client key's calls, made once per cached key lookup (the hot path reuses it). */
const trusts = new WeakMap<ActiveKey["workspace"], CallerTrust>();
function browserTrust(workspace: ActiveKey["workspace"]): CallerTrust {
  let trust = trusts.get(workspace);
  if (!trust) {
    trust = {
      kind: "browser",
      requireSignedUserIds: workspace.requireSignedUserIds,
      secrets: workspace.identitySecrets,
    };
    trusts.set(workspace, trust);
  }
  return trust;
}
