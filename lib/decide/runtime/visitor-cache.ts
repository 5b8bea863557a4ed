import { config } from "@/lib/config/config";
import type { VisitorIds } from "@/lib/signals/signals";
import type { VisitorState } from "../types";

/**
 * Recently read visitors, so that a storefront's stream of decisions for the
 * same person reads the database once, not on every page. An entry is read
 * again once it is TTL_MS old (events stored by other processes show up
 * within that), and dropped at once when this process takes an event of
 * the visitor. Least recently used entries (to within a second) go first beyond MAX_ENTRIES.
 */
const { VISITOR_CACHE_TTL_MS: TTL_MS, VISITOR_CACHE_SIZE: MAX_ENTRIES } = config();

type Entry = { visitor: VisitorState; expires: number; ids: string[]; usedAt: number };
/** A hit moves its entry to the recent end at most this often (moving costs more than the rest of a hit). */
const TOUCH_MS = 1_000;
type Cache = { entries: Map<string, Entry>; byId: Map<string, Set<string>>; forgottenAt: Map<string, number> };

const globalForCache = globalThis as unknown as { visitorCache?: Cache };
const cache = (globalForCache.visitorCache ??= { entries: new Map(), byId: new Map(), forgottenAt: new Map() });

const userKey = (workspaceId: string, userId: string) => `${workspaceId}\u0000u\u0000${userId}`;
const anonymousKey = (workspaceId: string, anonymousId: string) => `${workspaceId}\u0000a\u0000${anonymousId}`;
const idKeys = (workspaceId: string, ids: VisitorIds) =>
  [
    ids.userId !== undefined ? userKey(workspaceId, ids.userId) : null,
    ids.anonymousId !== undefined ? anonymousKey(workspaceId, ids.anonymousId) : null,
  ].filter((k): k is string => k !== null);
const ENTRY_SEPARATOR = "\u0001";
const entryKey = (keys: string[]) => keys.join(ENTRY_SEPARATOR);
/** entryKey(idKeys(…)) without the arrays (every decision looks one up). */
function lookupKey(workspaceId: string, ids: VisitorIds): string {
  const user = ids.userId !== undefined ? userKey(workspaceId, ids.userId) : "";
  if (ids.anonymousId === undefined) return user;
  const anonymous = anonymousKey(workspaceId, ids.anonymousId);
  return user ? user + ENTRY_SEPARATOR + anonymous : anonymous;
}

function remove(key: string): void {
  const entry = cache.entries.get(key);
  if (!entry) return;
  cache.entries.delete(key);
  for (const id of entry.ids) {
    const keys = cache.byId.get(id);
    keys?.delete(key);
    if (keys?.size === 0) cache.byId.delete(id);
  }
}

/** The cached visitor of these ids, and whether it has outlived TTL_MS (then it may still serve while it is read again). */
export function cachedVisitor(
  workspaceId: string,
  ids: VisitorIds,
): { visitor: VisitorState; expired: boolean } | null {
  const key = lookupKey(workspaceId, ids);
  const entry = cache.entries.get(key);
  if (!entry) return null;
  const now = Date.now();
  if (now - entry.usedAt > TOUCH_MS) {
    entry.usedAt = now;
    cache.entries.delete(key); // most recently used goes last
    cache.entries.set(key, entry);
  }
  return { visitor: entry.visitor, expired: entry.expires <= now };
}

/** Keeps a visitor read from the database since `readAt`, unless one of its ids took an event after that (the read may have missed it). */
export function cacheVisitor(workspaceId: string, ids: VisitorIds, visitor: VisitorState, readAt: number): void {
  const keys = idKeys(workspaceId, ids);
  if (keys.length === 0 || keys.some((id) => (cache.forgottenAt.get(id) ?? -1) >= readAt)) return;
  const key = entryKey(keys);
  remove(key);
  while (cache.entries.size >= MAX_ENTRIES) remove(cache.entries.keys().next().value!);
  // a little jitter, so that visitors first read together are not read again all at once
  const now = Date.now();
  cache.entries.set(key, { visitor, expires: now + TTL_MS * (0.8 + 0.2 * Math.random()), ids: keys, usedAt: now });
  for (const id of keys) {
    let set = cache.byId.get(id);
    if (!set) cache.byId.set(id, (set = new Set()));
    set.add(key);
  }
}

/** Forgets every cached visitor that any of these ids identifies (their events just arrived). */
export function forgetVisitors(workspaceId: string, ids: readonly VisitorIds[]): void {
  const now = Date.now();
  if (cache.forgottenAt.size > 50_000) cache.forgottenAt.clear(); // reads in flight are a few ms old; an old mark only skips caching once
  for (const visitor of ids) {
    for (const id of idKeys(workspaceId, visitor)) {
      for (const key of [...(cache.byId.get(id) ?? [])]) remove(key);
      cache.forgottenAt.set(id, now);
    }
  }
}
