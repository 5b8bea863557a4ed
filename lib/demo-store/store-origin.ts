/**
 * The demo storefront's own origin. The storefront renders marketer content
 * (whatever an editor saved), so it must never share an origin with the
 * dashboard, where that content could act with an admin's session. `npm
 * start` serves it on its own port (DEMO_STORE_PORT) through a forwarder
 * (server/store-origin.ts) that passes only the storefront's paths and strips
 * the dashboard's cookies: browsers send cookies to every port of a host, so
 * the store must drop them itself. A script on the store's origin therefore
 * reaches only the storefront, with no dashboard session; the dashboard's
 * server actions refuse its origin (Next.js compares Origin with Host). The
 * dashboard sends every storefront page to the store's origin. Pure.
 */

/** Set by the forwarder on what it passes on; browsers cannot add it to a navigation, and a cross-origin fetch that
 * tries is preflighted (and refused). */
export const STORE_ORIGIN_HEADER = "x-demo-store-origin";

/** Whether a path is one of the storefront's pages (or its keyless API), which belong on the store's origin. */
export const isStorefrontPage = (pathname: string) => pathname === "/demo-store" || pathname.startsWith("/demo-store/");

/** Whether a path is the storefront's: its pages and keyless API, and the static files they load. */
export function isStorePath(path: string): boolean {
  const pathname = path.split(/[?#]/, 1)[0]!;
  return (
    isStorefrontPage(pathname) ||
    pathname.startsWith("/_next/static/") ||
    pathname.startsWith("/_next/image") ||
    pathname === "/sdk.js" ||
    pathname === "/favicon.ico"
  );
}

/** The dashboard's session and sign-in cookies (Auth.js: `authjs.*`, with `__Secure-`/`__Host-` on https, chunked
 * as `.0`, `.1`…; the older `next-auth.*`). */
const DASHBOARD_COOKIE = /^(__Secure-|__Host-)?(authjs|next-auth)\./;

/** A Cookie header without the dashboard's cookies (undefined when none is left). */
export function withoutDashboardCookies(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const kept = header
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair !== "" && !DASHBOARD_COOKIE.test(pair.split("=", 1)[0]!.trim()));
  return kept.length > 0 ? kept.join("; ") : undefined;
}

/** Why the store's origin refuses a request (status and message), or null to pass it on. Server actions (the
 * `Next-Action` header) are the dashboard's alone: the storefront has none. */
export function storeRequestRefusal(
  method: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
): { status: number; message: string } | null {
  if (!isStorePath(path)) return { status: 404, message: "Not found: this origin serves the demo storefront only" };
  if (headers["next-action"] !== undefined) return { status: 403, message: "No server actions on the storefront" };
  if (!["GET", "HEAD", "POST", "OPTIONS"].includes(method)) return { status: 405, message: "Method not allowed" };
  return null;
}

/** The origin of the same host name and scheme on another port: the store's for a dashboard request, and back. */
export function originOnPort(url: { protocol: string; hostname: string }, port: number): string {
  const host = url.hostname.includes(":") ? `[${url.hostname.replace(/^\[|\]$/g, "")}]` : url.hostname;
  return `${url.protocol}//${host}:${port}`;
}

/**
 * A dashboard path as the storefront links to it: as is on a shared origin,
 * else absolute, on the dashboard's port. `host` is the request's Host
 * header; one that does not parse links to the path as is.
 */
export function dashboardHref(
  path: string,
  request: { storeOrigin: boolean; host: string | null; https: boolean },
  dashboardPort: number,
): string {
  if (!request.storeOrigin || !request.host) return path;
  try {
    const { hostname } = new URL(`http://${request.host}`);
    return `${originOnPort({ protocol: request.https ? "https:" : "http:", hostname }, dashboardPort)}${path}`;
  } catch {
    return path;
  }
}
