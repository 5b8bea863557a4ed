import type { CallerTrust } from "@/lib/identity/signed-user-id";
import { cookieFromHeader, CUSTOMER_COOKIE } from "./cookies";
import { customerOfSession } from "./customer-session";

/**
 * How far the keyless storefront API trusts a call's identity claims: only
 * the customer its session cookie signs in (a session the store's sign-in
 * made), like a client key's signed id; any other userId is a claim, and the
 * call is its anonymous visitor's.
 */
export function demoSessionTrust(identitySalt: string, cookieHeader: string | null): CallerTrust {
  return { kind: "session", userId: customerOfSession(identitySalt, cookieFromHeader(cookieHeader, CUSTOMER_COOKIE)) };
}
