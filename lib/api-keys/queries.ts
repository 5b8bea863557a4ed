import { db } from "@/lib/db/client";
import { cachedKeyLookup } from "./key-cache";
import { hashApiKey } from "./secret";

/** The workspace's keys, newest first; never the hash. */
export function listApiKeys(workspaceId: string) {
  return db.apiKey.findMany({
    where: { workspaceId },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** The active key with this value, by its hash, or null. */
export function findActiveApiKey(key: string) {
  const hash = hashApiKey(key);
  return cachedKeyLookup(hash, () =>
    db.apiKey.findFirst({
      where: { hash, revokedAt: null },
      select: { id: true, workspaceId: true, scopes: true, lastUsedAt: true, workspace: { select: { id: true, identitySalt: true, storePlainPii: true, corsOrigins: true } } },
    }),
  );
}

/** Records use at most once a minute per key, so hot paths do not write on every request. */
export async function touchApiKey(apiKey: { id: string; lastUsedAt: Date | null }): Promise<void> {
  if (apiKey.lastUsedAt && Date.now() - apiKey.lastUsedAt.getTime() < 60_000) return;
  apiKey.lastUsedAt = new Date(); // the cached lookup shares this object: touch once a minute, not once per request
  await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: apiKey.lastUsedAt } });
}
