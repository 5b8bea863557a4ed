import { noteDatabaseError, noteDatabaseOk } from "@/lib/db/availability";
import { listen } from "@/lib/db/notifications";
import { KEYS_CHANNEL } from "../keys-channel";

/**
 * A few seconds of memory of API-key lookups, so that a storefront's stream
 * of requests does not query the key on each one. Revoking a key (or changing
 * allowed origins) clears it in every process at once, by NOTIFY; a missed
 * notice heals within TTL_MS.
 *
 * Lookups that found no key (a null result) are kept too, so that a caller
 * repeating a wrong key costs one query per TTL_MS, but apart and fewer: a
 * flood of random keys then pushes out only other unknown keys, never the
 * keys storefronts use. Each side drops its least recently used entries
 * first (to within TOUCH_MS) when it is full.
 */
const TTL_MS = 5_000;
export const KEY_CACHE_LIMITS = { keys: 10_000, unknownKeys: 1_000 };
/** A hit moves its entry to the recent end at most this often (the hot path stays one map lookup). */
const TOUCH_MS = 1_000;

type Entry = { value: unknown; expires: number; usedAt: number };
/** `cleared` counts clearKeyCache() calls: a lookup that was under way across one read the key before its change. */
type Cache = { keys: Map<string, Entry>; unknownKeys: Map<string, Entry>; cleared: number };
// One cache per process: Next bundles route handlers and server actions separately, each with its own module
// instances, so a module-level map would let a revocation clear one copy while a route still reads another.
const store = globalThis as unknown as { apiKeyCache?: Cache };
const cache = (store.apiKeyCache ??= { keys: new Map(), unknownKeys: new Map(), cleared: 0 });

const sideOf = (value: unknown) => (value === null ? cache.unknownKeys : cache.keys);

/** A lookup from memory while fresh; when the database cannot be reached, the last one known (keys keep working through an outage). */
export async function cachedKeyLookup<T>(hash: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.keys.get(hash) ?? cache.unknownKeys.get(hash);
  const now = Date.now();
  if (hit && hit.expires > now) {
    if (now - hit.usedAt > TOUCH_MS) {
      hit.usedAt = now;
      const side = sideOf(hit.value);
      side.delete(hash); // most recently used goes last
      side.set(hash, hit);
    }
    return hit.value as T;
  }
  followKeyChanges(); // on a miss only: the hot path stays a map lookup
  const cleared = cache.cleared;
  let value: T;
  try {
    value = await load();
    noteDatabaseOk();
  } catch (error) {
    if (noteDatabaseError(error) && hit) return hit.value as T;
    throw error;
  }
  if (cache.cleared === cleared) keep(hash, value); // else it may be a revoked key's last read: answered, not kept
  return value;
}

/** Keeps a fresh lookup on its side (a key created or revoked meanwhile changes sides), making room by age of use. */
function keep(hash: string, value: unknown): void {
  cache.keys.delete(hash);
  cache.unknownKeys.delete(hash);
  const side = sideOf(value);
  const limit = side === cache.keys ? KEY_CACHE_LIMITS.keys : KEY_CACHE_LIMITS.unknownKeys;
  while (side.size >= limit) side.delete(side.keys().next().value!);
  const now = Date.now();
  side.set(hash, { value, expires: now + TTL_MS, usedAt: now });
}

/** Forgets every cached lookup (after a key is revoked; tests start from it too). */
export function clearKeyCache(): void {
  cache.cleared += 1;
  cache.keys.clear();
  cache.unknownKeys.clear();
}

const clearAll = () => clearKeyCache();

/** Forgets cached lookups whenever any process changes keys (and after reconnecting, when a notice may have been missed). */
export function followKeyChanges(): void {
  listen(KEYS_CHANNEL, clearAll, clearAll);
}
