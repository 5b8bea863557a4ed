import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cachedKeyLookup, clearKeyCache, KEY_CACHE_LIMITS } from "./key-cache";

vi.mock("@/lib/db/notifications", () => ({ listen: () => undefined })); // no LISTEN connection in a unit test

/** A key table holding the `valid` keys, counting the lookups that reach it. */
function keyTable(valid: string[]) {
  const loads = new Map<string, number>();
  const lookup = (hash: string) =>
    cachedKeyLookup(hash, async () => {
      loads.set(hash, (loads.get(hash) ?? 0) + 1);
      return valid.includes(hash) ? { id: hash } : null;
    });
  return { lookup, loads: (hash: string) => loads.get(hash) ?? 0 };
}

beforeEach(() => {
  clearKeyCache();
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the API-key cache", () => {
  it("keeps a key that storefronts use through a flood of 20,000 random unknown keys", async () => {
    const table = keyTable(["valid"]);
    expect(await table.lookup("valid")).toEqual({ id: "valid" });
    for (let i = 0; i < 20_000; i++) {
      expect(await table.lookup(`random-${i}`)).toBeNull();
      if (i % 1_000 === 0) {
        vi.advanceTimersByTime(100); // the storefront's requests go on meanwhile
        await table.lookup("valid");
      }
    }
    expect(await table.lookup("valid")).toEqual({ id: "valid" });
    expect(table.loads("valid")).toBe(1);
  });

  it("answers a repeated unknown key from memory: one query per lifetime", async () => {
    const table = keyTable([]);
    for (let i = 0; i < 100; i++) expect(await table.lookup("revoked")).toBeNull();
    expect(table.loads("revoked")).toBe(1);
    // the unknown side is bounded on its own; the most recent unknown keys stay
    for (let i = 0; i < KEY_CACHE_LIMITS.unknownKeys; i++) await table.lookup(`random-${i}`);
    await table.lookup(`random-${KEY_CACHE_LIMITS.unknownKeys - 1}`);
    expect(table.loads(`random-${KEY_CACHE_LIMITS.unknownKeys - 1}`)).toBe(1);
    await table.lookup("revoked");
    expect(table.loads("revoked")).toBe(2);
  });

  it("drops the least recently used keys first when full, not all of them", async () => {
    const keys = Array.from({ length: KEY_CACHE_LIMITS.keys + 1 }, (_, i) => `key-${i}`);
    const table = keyTable(keys);
    for (const key of keys.slice(0, -1)) await table.lookup(key); // full: key-0 is the oldest
    vi.advanceTimersByTime(1_500);
    await table.lookup("key-0"); // used again: now the most recent
    await table.lookup(keys.at(-1)!); // one more: makes room by dropping one entry, the least recently used
    await table.lookup("key-0");
    await table.lookup("key-2");
    await table.lookup("key-1");
    expect([table.loads("key-0"), table.loads("key-1"), table.loads("key-2")]).toEqual([1, 2, 1]);
  });

  it("reads a key again once its entry is 5 s old", async () => {
    const table = keyTable(["valid"]);
    await table.lookup("valid");
    await table.lookup("unknown");
    vi.advanceTimersByTime(4_900);
    await table.lookup("valid");
    await table.lookup("unknown");
    expect([table.loads("valid"), table.loads("unknown")]).toEqual([1, 1]);
    vi.advanceTimersByTime(200); // used meanwhile, but a use does not extend the lifetime
    await table.lookup("valid");
    await table.lookup("unknown");
    expect([table.loads("valid"), table.loads("unknown")]).toEqual([2, 2]);
  });

  it("finds a key created after a lookup found none, and serves the last lookup known while the database cannot be reached", async () => {
    let reachable = true;
    let exists = false;
    const lookup = () =>
      cachedKeyLookup("k", async () => {
        if (!reachable) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        return exists ? { id: "k" } : null;
      });
    expect(await lookup()).toBeNull();
    vi.advanceTimersByTime(6_000);
    exists = true;
    expect(await lookup()).toEqual({ id: "k" });
    vi.advanceTimersByTime(6_000);
    reachable = false;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await lookup()).toEqual({ id: "k" });
  });

  it("does not keep a lookup that was under way when the cache was cleared (it may have read a key just revoked)", async () => {
    let revoked = false;
    let loads = 0;
    let release: () => void = () => undefined;
    const lookup = () =>
      cachedKeyLookup("k", async () => {
        loads += 1;
        const active = !revoked;
        if (loads === 1) await new Promise<void>((resolve) => (release = resolve));
        return active ? { id: "k" } : null;
      });
    const first = lookup();
    await Promise.resolve();
    revoked = true;
    clearKeyCache(); // the revocation's notice arrives while the first read is still on its way
    release();
    expect(await first).toEqual({ id: "k" });
    expect(await lookup()).toBeNull();
    expect(loads).toBe(2);
  });
});
