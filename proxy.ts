// Runs before the dashboard's and the demo storefront's pages. A path with a
// segment that cannot be decoded (/w/%ff, /demo-store/p/%ff) would be Next.js's
// 500: it gets a not-found page instead. A storefront's first visit gets its
// anonymous id cookie (the one the browser SDK uses), visible to the page
// rendering this very request, so that its first decision is made on the server.
import { NextResponse, type NextRequest } from "next/server";
import { hasMalformedSegment, malformedPathTarget } from "@/lib/api/malformed-path";
import { ANONYMOUS_COOKIE } from "@/lib/demo-store/cookies";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const next = (init?: Parameters<typeof NextResponse.next>[0]) =>
    hasMalformedSegment(pathname)
      ? NextResponse.rewrite(new URL(malformedPathTarget(pathname), request.url), init)
      : NextResponse.next(init);

  if (!pathname.startsWith("/demo-store") || request.cookies.get(ANONYMOUS_COOKIE)) return next();
  const id = crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("cookie", [request.headers.get("cookie"), `${ANONYMOUS_COOKIE}=${id}`].filter(Boolean).join("; "));
  const response = next({ request: { headers } });
  response.cookies.set(ANONYMOUS_COOKIE, id, {
    path: "/",
    maxAge: 365 * 86_400,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
  });
  return response;
}

export const config = { matcher: ["/demo-store", "/demo-store/:path*", "/w/:path*", "/invite/:path*"] };
