// GET /demo-store/sign-in — "Shopping as": signs the storefront in as a demo customer (or out, as Guest) and returns to the page
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ANONYMOUS_COOKIE, CUSTOMER_COOKIE } from "@/lib/demo-store/cookies";
import { customerOfSession, customerSessionValue } from "@/lib/demo-store/customer-session";
import { demoCustomers } from "@/lib/demo-store/db/customers";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { demoWorkspace } from "@/lib/demo-store/runtime/workspace";

const querySchema = z.object({
  userId: z.string().trim().max(128).optional().catch(undefined),
  next: z.string().max(500).optional().catch(undefined),
});

const STORE = "/demo-store";
const THIRTY_DAYS = 30 * 86_400;
const ONE_YEAR = 365 * 86_400;

/** `next` when it is a path of the storefront on this site, else the storefront's home. */
function storePath(next: string | undefined): string {
  if (!next) return STORE;
  const base = "http://store.invalid";
  let url: URL;
  try {
    url = new URL(next, base); // resolves dot segments, drops tabs and newlines
  } catch {
    return STORE;
  }
  if (url.origin !== base || !next.startsWith("/") || !/^\/demo-store(\/|$)/.test(url.pathname)) return STORE;
  return url.pathname + url.search + url.hash;
}

export async function GET(request: NextRequest) {
  const query = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  // A relative Location: right behind any proxy, whatever host the server thinks it has.
  const response = new NextResponse(null, { status: 303, headers: { Location: storePath(query.next) } });
  const workspace = demoStoreEnabled() ? await demoWorkspace() : null;
  if (!workspace) return response;

  const userId = query.userId || null;
  // Only the listed demo customers: the storefront is public and must not act as any user of the workspace.
  if (userId && !(await demoCustomers(workspace.id)).some((c) => c.userId === userId)) return response;

  const secure = request.nextUrl.protocol === "https:";
  if (userId)
    response.cookies.set(CUSTOMER_COOKIE, customerSessionValue(workspace.identitySalt, userId), {
      path: "/",
      maxAge: THIRTY_DAYS,
      sameSite: "lax",
      httpOnly: true,
      secure,
    });
  else response.cookies.delete({ name: CUSTOMER_COOKIE, path: "/" });
  // A guest signing in stays the same visitor (their anonymous id, and so their experiment arms, carry on, as in a
  // real store). Switching from one customer to another, or signing out, is another shopper: a new browser
  // identity, otherwise the anonymous id would tie the demo customers' profiles together.
  const previous = customerOfSession(workspace.identitySalt, request.cookies.get(CUSTOMER_COOKIE)?.value);
  if (previous !== null && previous !== userId) {
    response.cookies.set(ANONYMOUS_COOKIE, crypto.randomUUID(), {
      path: "/",
      maxAge: ONE_YEAR,
      sameSite: "lax",
      secure,
    });
  }
  return response;
}
