import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { cachedKeyLookup } from "./key-cache";
import { hashApiKey, type ApiKeyScope } from "./secret";

/** The workspace's keys, newest first; never the hash. */
export function listApiKeys(workspaceId: string) {
  return db.apiKey.findMany({
    where: { workspaceId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** The hashes of the keys seen lately: a storefront sends the same key on every request. */
const recentHashes = new Map<string, string>();
function rememberHash(key: string): string {
  const hash = hashApiKey(key);
  if (recentHashes.size >= 1_000) recentHashes.clear();
  recentHashes.set(key, hash);
  return hash;
}

type ActiveKey = {
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

/** The active key with this value, by its hash, or null (plain `pg`: the public API's hot path, in the app and the decision server). */
export function findActiveApiKey(key: string): Promise<ActiveKey | null> {
  const hash = recentHashes.get(key) ?? rememberHash(key);
  return cachedKeyLookup(hash, async () => {
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
  });
}

/** Records use at most once a minute per key, so hot paths do not write on every request. */
export async function touchApiKey(apiKey: { id: string; lastUsedAt: Date | null }): Promise<void> {
  if (apiKey.lastUsedAt && Date.now() - apiKey.lastUsedAt.getTime() < 60_000) return;
  apiKey.lastUsedAt = new Date(); // the cached lookup shares this object: touch once a minute, not once per request
  await pgPool().query("UPDATE api_keys SET last_used_at = $2 WHERE id = $1", [apiKey.id, apiKey.lastUsedAt]);
}
