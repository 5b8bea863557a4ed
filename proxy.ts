// Runs before the demo storefront's pages: gives a first visit its anonymous
// id cookie (the one the browser SDK uses), visible to the page rendering
// this very request, so that its first decision is made on the server.
import { NextResponse, type NextRequest } from "next/server";
import { ANONYMOUS_COOKIE } from "@/lib/demo-store/cookies";
import { hasMalformedSegment, MALFORMED_PATH_TARGET } from "@/lib/demo-store/malformed-path";

export function proxy(request: NextRequest) {
  // An undecodable segment (/demo-store/p/%ff) would be Next.js's 500: the store's not-found page instead.
  const next = (init?: Parameters<typeof NextResponse.next>[0]) =>
    hasMalformedSegment(request.nextUrl.pathname)
      ? NextResponse.rewrite(new URL(MALFORMED_PATH_TARGET, request.url), init)
      : NextResponse.next(init);

  if (request.cookies.get(ANONYMOUS_COOKIE)) return next();
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

export const config = { matcher: ["/demo-store", "/demo-store/:path*"] };
