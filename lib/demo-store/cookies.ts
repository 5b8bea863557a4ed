import { ANONYMOUS_ID_COOKIE } from "@/lib/sdk/browser/constants";

/** The anonymous id cookie, shared with the browser SDK (lib/sdk/browser) and lib/sdk/server.ts. */
export const ANONYMOUS_COOKIE = ANONYMOUS_ID_COOKIE;
/** The demo storefront's "signed in" customer (a user id of the demo data). */
export const CUSTOMER_COOKIE = "demo_uid";
/** A marketer's preview link opened on the storefront (`?pz_preview=<token>`): kept for the browser session, so every
 * page of the visit shows the previewed variation; `?pz_preview=off` ends it. */
export const PREVIEW_COOKIE = "pz_preview";
