// Who the visitor is: the anonymous id (cookie pz_aid) and, once identify()
// has named them, the user id (localStorage pz_uid) with its signature, the
// userHash the storefront's server made (pz_uh). The bindings below are
// live: other files read them, only this one assigns them.
import {
  ANONYMOUS_ID_COOKIE,
  ANONYMOUS_ID_MAX_AGE_SECONDS,
  ANONYMOUS_ID_PATTERN,
  USER_HASH_STORAGE_KEY,
  USER_ID_STORAGE_KEY,
} from "./constants";
import { uuid } from "./uuid";

export let anonymousId: string | null = null;
/** The anonymous id was created on this page: the server has no history for it yet. */
export let freshId = false;
export let userId: string | null = null;
/** HMAC of userId under the workspace's identity secret: without it a client key's userId does not count. */
export let userHash: string | null = null;

function readCookie(name: string): string | null {
  const parts = (document.cookie || "").split(/;\s*/);
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return null;
}

/** (Re)writes pz_aid for another year; the server helper writes the same cookie. */
function writeAnonymousId(id: string): void {
  anonymousId = id;
  try {
    document.cookie =
      ANONYMOUS_ID_COOKIE +
      "=" +
      id +
      "; Max-Age=" +
      ANONYMOUS_ID_MAX_AGE_SECONDS +
      "; Path=/; SameSite=Lax" +
      (window.location.protocol === "https:" ? "; Secure" : "");
  } catch {
    // Cookies blocked: the id lives for this page only.
  }
}

/** Runs `run` on localStorage; null where storage is disabled (private mode, sandboxed frame). */
function storage<T>(run: (storage: Storage) => T): T | null {
  try {
    return run(window.localStorage);
  } catch {
    return null;
  }
}

/** Reads the ids this browser already has, creating (or replacing a malformed) anonymous id. */
export function loadIds(): void {
  const existing = readCookie(ANONYMOUS_ID_COOKIE);
  freshId = !(existing && ANONYMOUS_ID_PATTERN.test(existing));
  writeAnonymousId(freshId ? uuid() : existing!); // not fresh: existing is a valid id
  userId = storage((s) => s.getItem(USER_ID_STORAGE_KEY)) || null;
  userHash = (userId && storage((s) => s.getItem(USER_HASH_STORAGE_KEY))) || null;
}

/** Events carrying the anonymous id are on their way, so the server will know it. */
export function idSent(): void {
  freshId = false;
}

/** Remembers the user (and their signature, when given; a new user without one has none) across pages. */
export function rememberUser(id: string, hash?: string): void {
  if (id !== userId || hash) userHash = hash || null;
  userId = id;
  storage((s) => {
    s.setItem(USER_ID_STORAGE_KEY, id);
    if (userHash) s.setItem(USER_HASH_STORAGE_KEY, userHash);
    else s.removeItem(USER_HASH_STORAGE_KEY);
  });
}

/** Forgets the user and starts a new anonymous id (for a log-out). */
export function forgetVisitor(): void {
  userId = null;
  userHash = null;
  storage((s) => {
    s.removeItem(USER_ID_STORAGE_KEY);
    s.removeItem(USER_HASH_STORAGE_KEY);
  });
  writeAnonymousId(uuid());
  freshId = true;
}
