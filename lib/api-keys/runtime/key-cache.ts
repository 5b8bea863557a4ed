import { noteDatabaseError, noteDatabaseOk } from "@/lib/db/availability";
import { listen } from "@/lib/db/notifications";
import { KEYS_CHANNEL } from "../keys-channel";

/**
 * A few seconds of memory of API-key lookups, so that a storefront's stream
 * of requests does not query the key on each one. Revoking a key (or changing
 * allowed origins) clears it in every process at once, by NOTIFY; a missed
 * notice heals within TTL_MS.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
// One map per process: Next bundles route handlers and server actions separately, each with its own module
// instances, so a module-level map would let a revocation clear one copy while a route still reads another.
const store = globalThis as unknown as { apiKeyLookups?: Map<string, { value: unknown; expires: number }> };
const entries = (store.apiKeyLookups ??= new Map());

/** A lookup from memory while fresh; when the database cannot be reached, the last one known (keys keep working through an outage). */
export async function cachedKeyLookup<T>(hash: string, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(hash);
  if (hit && hit.expires > Date.now()) return hit.value as T;
  followKeyChanges(); // on a miss only: the hot path stays a map lookup
  let value: T;
  try {
    value = await load();
    noteDatabaseOk();
  } catch (error) {
    if (noteDatabaseError(error) && hit) return hit.value as T;
    throw error;
  }
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(hash, { value, expires: Date.now() + TTL_MS });
  return value;
}

/** Forgets every cached lookup (after a key is revoked). */
export function clearKeyCache(): void {
  entries.clear();
}

const clearAll = () => clearKeyCache();

/** Forgets cached lookups whenever any process changes keys (and after reconnecting, when a notice may have been missed). */
export function followKeyChanges(): void {
  listen(KEYS_CHANNEL, clearAll, clearAll);
}
