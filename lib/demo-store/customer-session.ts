import { userHash, verifyUserHash } from "@/lib/identity/signed-user-id";

/**
 * The demo storefront's "signed in as" session: the customer cookie holds the
 * user id with the store server's signature (HMAC-SHA256 under the demo
 * workspace's identity salt, a server-side secret), as a real store's session
 * would. Only the sign-in route makes one, and only for a listed demo
 * customer; a cookie typed by hand (any other user id, or no signature) is no
 * one, so the keyless storefront API cannot be made to act as a customer.
 * Pure.
 */
const purpose = (userId: string) => `demo-store-session:${userId}`;

/** The cookie value for a signed-in customer. */
export function customerSessionValue(secret: string, userId: string): string {
  return `${userId}.${userHash(secret, purpose(userId))}`;
}

/** The customer a cookie value signs in, or null when it is absent, malformed or not signed by this store. */
export function customerOfSession(secret: string, value: string | undefined): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const userId = value.slice(0, dot);
  return verifyUserHash([{ secret, expiresAt: null }], purpose(userId), value.slice(dot + 1), 0) ? userId : null;
}
