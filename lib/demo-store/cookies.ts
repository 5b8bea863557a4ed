import { ANONYMOUS_ID_COOKIE } from "@/lib/sdk/browser/constants";

/** The anonymous id cookie, shared with the browser SDK (lib/sdk/browser) and lib/sdk/server.ts. */
export const ANONYMOUS_COOKIE = ANONYMOUS_ID_COOKIE;
/** The demo storefront's "signed in" customer: a user id of the demo data, signed by the store's server (customer-session.ts). */
export const CUSTOMER_COOKIE = "demo_uid";
/** A marketer's preview link opened on the storefront (`?pz_preview=<token>`): kept for the browser session, so every
 * page of the visit shows the previewed variation; `?pz_preview=off` ends it. */
export const PREVIEW_COOKIE = "pz_preview";

/** One cookie's value from a Cookie header (decoded), or undefined. */
export function cookieFromHeader(header: string | null | undefined, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const raw = pair.slice(at + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
