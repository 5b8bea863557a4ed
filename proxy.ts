// Runs before the demo storefront's pages: gives a first visit its anonymous
// id cookie (the one the browser SDK uses), visible to the page rendering
// this very request, so that its first decision is made on the server.
import { NextResponse, type NextRequest } from "next/server";
import { ANONYMOUS_COOKIE } from "@/lib/demo-store/cookies";

export function proxy(request: NextRequest) {
  if (request.cookies.get(ANONYMOUS_COOKIE)) return NextResponse.next();
  const id = crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("cookie", [request.headers.get("cookie"), `${ANONYMOUS_COOKIE}=${id}`].filter(Boolean).join("; "));
  const response = NextResponse.next({ request: { headers } });
  response.cookies.set(ANONYMOUS_COOKIE, id, {
    path: "/",
    maxAge: 365 * 86_400,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
  });
  return response;
}

export const config = { matcher: ["/demo-store", "/demo-store/:path*"] };
