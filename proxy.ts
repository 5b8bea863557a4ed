// Runs before every page (not the JSON API or static files): sends the
// security headers with a fresh CSP nonce (Next.js reads it from the request's
// Content-Security-Policy header and puts it on its own scripts). A path with a
// segment that cannot be decoded (/w/%ff, /demo-store/p/%ff) would be Next.js's
// 500: it gets a not-found page instead. A storefront's first visit gets its
// anonymous id cookie (the one the browser SDK uses), visible to the page
// rendering this very request, so that its first decision is made on the server.
import { NextResponse, type NextRequest } from "next/server";
import { hasMalformedSegment, malformedPathTarget } from "@/lib/api/malformed-path";
import { newNonce, securityHeaders } from "@/lib/api/security-headers";
import { ANONYMOUS_COOKIE } from "@/lib/demo-store/cookies";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const headers = securityHeaders(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);

  let anonymousId: string | null = null;
  if (pathname.startsWith("/demo-store") && !request.cookies.get(ANONYMOUS_COOKIE)) {
    anonymousId = crypto.randomUUID();
    requestHeaders.set(
      "cookie",
      [request.headers.get("cookie"), `${ANONYMOUS_COOKIE}=${anonymousId}`].filter(Boolean).join("; "),
    );
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
  return response;
}

// every page; not the JSON API (/api/…, /demo-store/api/…), Next's static files or the SDK bundle
export const config = {
  matcher: ["/((?!api/|_next/|demo-store/api/|sdk\\.js$|favicon\\.ico$).*)"],
};
