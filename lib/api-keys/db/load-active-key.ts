import { pgPool } from "@/lib/db/pg-pool";
import type { ApiKeyScope } from "../secret";

export type ActiveKey = {
  id: string;
  workspaceId: string;
  scopes: ApiKeyScope[];
  lastUsedAt: Date | null;
  workspace: { id: string; identitySalt: string; storePlainPii: boolean; corsOrigins: string[] };
};
type KeyRow = {
  id: string;
  workspace_id: string;
  scopes: ApiKeyScope[];
  last_used_at: Date | null;
  identity_salt: string;
  store_plain_pii: boolean;
  cors_origins: string[];
};

/** The active key with this hash, or null (plain `pg`: the public API's hot path, in the app and the decision server). */
export async function loadActiveKey(hash: string): Promise<ActiveKey | null> {
  const { rows } = await pgPool().query<KeyRow>(
    `SELECT k.id, k.workspace_id, k.scopes::text[] AS scopes, k.last_used_at, w.identity_salt, w.store_plain_pii, w.cors_origins
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
        },
      }
    : null;
}
