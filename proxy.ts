// Runs before every page (not the JSON API or static files): sends the
// security headers with a fresh CSP nonce (Next.js reads it from the request's
// Content-Security-Policy header and puts it on its own scripts). A path with a
// segment that cannot be decoded (/w/%ff, /demo-store/p/%ff) would be Next.js's
// 500: it gets a not-found page instead. A storefront's first visit gets its
// anonymous id cookie (the one the browser SDK uses), visible to the page
// rendering this very request, so that its first decision is made on the server.
// A preview link (?pz_preview=<token>) opened on the storefront is kept as a
// session cookie, from this very request on (?pz_preview=off ends it).
// A storefront page asked for on the dashboard's origin is sent to the
// store's own origin (lib/demo-store/store-origin.ts), where marketer content
// runs without the dashboard's session.
import { NextResponse, type NextRequest } from "next/server";
import { hasMalformedSegment, malformedPathTarget } from "@/lib/api/malformed-path";
import { newNonce, securityHeaders } from "@/lib/api/security-headers";
import { config as settings } from "@/lib/config/config";
import { ANONYMOUS_COOKIE, PREVIEW_COOKIE } from "@/lib/demo-store/cookies";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { isStorefrontPage, STORE_ORIGIN_HEADER, originOnPort } from "@/lib/demo-store/store-origin";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isStorefrontPage(pathname) && !request.headers.has(STORE_ORIGIN_HEADER) && demoStoreEnabled()) {
    const origin = originOnPort(request.nextUrl, settings().DEMO_STORE_PORT);
    return NextResponse.redirect(`${origin}${pathname}${search}`, 307);
  }
  const headers = securityHeaders(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);

  const store = pathname.startsWith("/demo-store");
  const anonymousId = store && !request.cookies.get(ANONYMOUS_COOKIE) ? crypto.randomUUID() : null;
  const preview = store ? previewFromLink(request) : undefined;
  if (anonymousId || preview !== undefined) {
    const jar = request.cookies.getAll().filter((c) => c.name !== PREVIEW_COOKIE);
    if (anonymousId) jar.push({ name: ANONYMOUS_COOKIE, value: anonymousId });
    if (preview) jar.push({ name: PREVIEW_COOKIE, value: preview });
    requestHeaders.set("cookie", jar.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; "));
  }
  const init = { request: { headers: requestHeaders } };
  const response = hasMalformedSegment(pathname)
    ? NextResponse.rewrite(new URL(malformedPathTarget(pathname), request.url), init)
    : NextResponse.next(init);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (anonymousId)
    response.cookies.set(ANONYMOUS_COOKIE, anonymousId, {
      path: "/",
      maxAge: 365 * 86_400,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
    });
  if (preview) response.cookies.set(PREVIEW_COOKIE, preview, { path: "/demo-store", httpOnly: true, sameSite: "lax" });
  else if (preview === null) response.cookies.delete({ name: PREVIEW_COOKIE, path: "/demo-store" });
  return response;
}

/** The preview token a storefront link brings: a token, null for `off` (end the preview), undefined when none is given. */
function previewFromLink(request: NextRequest): string | null | undefined {
  const value = request.nextUrl.searchParams.get(PREVIEW_COOKIE);
  if (value === null) return undefined;
  if (value === "off") return null;
  return /^[A-Za-z0-9._~-]{1,600}$/.test(value) ? value : undefined;
}

// every page; not the JSON API (/api/…, /demo-store/api/…), Next's static files or the SDK bundle
export const config = {
  matcher: ["/((?!api/|_next/|demo-store/api/|sdk\\.js$|favicon\\.ico$).*)"],
};
