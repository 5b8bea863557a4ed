import { pgPool } from "@/lib/db/pg-pool";
import type { VerifyingSecret } from "@/lib/identity/signed-user-id";
import type { ApiKeyScope } from "../secret";

/** What a request's key gives its handler: the key, and what the public API needs of its workspace. */
export type ActiveKey = {
  id: string;
  workspaceId: string;
  scopes: ApiKeyScope[];
  lastUsedAt: Date | null;
  workspace: {
    id: string;
    identitySalt: string;
    storePlainPii: boolean;
    corsOrigins: string[];
    requireSignedUserIds: boolean;
    requestTraits: string[];
    /** Requests a second per key in this process (a token bucket, twice this as burst). */
    apiRateLimit: number;
    /** The identity secrets that verify a userHash: the current one, and a replaced one within its overlap. */
    identitySecrets: VerifyingSecret[];
  };
};
type KeyRow = {
  id: string;
  workspace_id: string;
  scopes: ApiKeyScope[];
  last_used_at: Date | null;
  identity_salt: string;
  store_plain_pii: boolean;
  cors_origins: string[];
  require_signed_user_ids: boolean;
  request_traits: string[] | null;
  api_rate_limit: number;
  identity_secrets: { secret: string; expires_at: string | null }[] | null;
};

/** The active key with this hash, or null (plain `pg`: the public API's hot path, in the app and the decision server). */
export async function loadActiveKey(hash: string): Promise<ActiveKey | null> {
  const { rows } = await pgPool().query<KeyRow>(
    `SELECT k.id, k.workspace_id, k.scopes::text[] AS scopes, k.last_used_at, w.identity_salt, w.store_plain_pii,
            w.cors_origins, w.require_signed_user_ids, w.request_traits, w.api_rate_limit,
            (SELECT json_agg(json_build_object('secret', s.secret, 'expires_at', s.expires_at))
               FROM identity_secrets s
              WHERE s.workspace_id = w.id AND (s.expires_at IS NULL OR s.expires_at > now())) AS identity_secrets
     FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id WHERE k.hash = $1 AND k.revoked_at IS NULL LIMIT 1`,
    [hash],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        workspaceId: r.workspace_id,
        scopes: r.scopes,
        lastUsedAt: r.last_used_at,
        workspace: {
          id: r.workspace_id,
          identitySalt: r.identity_salt,
          storePlainPii: r.store_plain_pii,
          corsOrigins: r.cors_origins,
          requireSignedUserIds: r.require_signed_user_ids,
          requestTraits: r.request_traits ?? [],
          apiRateLimit: r.api_rate_limit,
          identitySecrets: (r.identity_secrets ?? []).map((s) => ({
            secret: s.secret,
            expiresAt: s.expires_at === null ? null : Date.parse(s.expires_at),
          })),
        },
      }
    : null;
}
