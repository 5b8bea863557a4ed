import { pgPool } from "@/lib/db/pg-pool";

/** Records use at most once a minute per key, so hot paths do not write on every request. */
export async function touchApiKey(apiKey: { id: string; lastUsedAt: Date | null }): Promise<void> {
  if (apiKey.lastUsedAt && Date.now() - apiKey.lastUsedAt.getTime() < 60_000) return;
  apiKey.lastUsedAt = new Date(); // the cached lookup shares this object: touch once a minute, not once per request
  await pgPool().query("UPDATE api_keys SET last_used_at = $2 WHERE id = $1", [apiKey.id, apiKey.lastUsedAt]);
}
