// What the browser SDK shares with the server side (lib/sdk/server.ts, the
// demo storefront): the names it stores ids under and what counts as an id.
// Plain values, no DOM, so server code may import them.

/** The SDK's version, sent with every event as context.library.version. */
export const SDK_VERSION = "1.0.0";

/** The first-party cookie holding the visitor's anonymous id; the server helper writes the same one. */
export const ANONYMOUS_ID_COOKIE = "pz_aid";

/** How long the anonymous id cookie lives, rewritten on every page that runs init. */
export const ANONYMOUS_ID_MAX_AGE_SECONDS = 31_536_000; // a year

/** What counts as an anonymous id; anything else found in the cookie is replaced. */
export const ANONYMOUS_ID_PATTERN = /^[\w-]{8,64}$/;

/** The localStorage key under which identify() remembers the user id. */
export const USER_ID_STORAGE_KEY = "pz_uid";
/** The user id's signature (userHash), made by the storefront's server, kept beside it. */
export const USER_HASH_STORAGE_KEY = "pz_uh";
