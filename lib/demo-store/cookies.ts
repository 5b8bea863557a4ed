/** The anonymous id cookie, shared with the browser SDK (public/sdk.js) and lib/sdk/server.ts. */
export const ANONYMOUS_COOKIE = "pz_aid";
/** The demo storefront's "signed in" customer (a user id of the demo data). */
export const CUSTOMER_COOKIE = "demo_uid";
