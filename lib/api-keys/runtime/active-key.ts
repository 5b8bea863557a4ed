import { hashApiKey } from "../secret";
import { loadActiveKey, type ActiveKey } from "../db/load-active-key";
import { cachedKeyLookup } from "./key-cache";

/** The hashes of the keys seen lately: a storefront sends the same key on every request. */
const recentHashes = new Map<string, string>();
function rememberHash(key: string): string {
  const hash = hashApiKey(key);
  if (recentHashes.size >= 1_000) recentHashes.delete(recentHashes.keys().next().value!); // the oldest first
  recentHashes.set(key, hash);
  return hash;
}

/** The active key with this value, or null: from the key cache while fresh (a storefront sends the same key on every request). */
export function findActiveApiKey(key: string): Promise<ActiveKey | null> {
  const hash = recentHashes.get(key) ?? rememberHash(key);
  return cachedKeyLookup(hash, () => loadActiveKey(hash));
}
