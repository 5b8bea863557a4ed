import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed user ids. A client (browser) key is public, so a userId it sends is
 * only a claim; the storefront's own server, which knows who is signed in,
 * signs it: `userHash = HMAC-SHA256(secret, userId)`, in lower-case hex,
 * with one of the workspace's identity secrets (the scheme of LaunchDarkly's
 * secure mode and Intercom's identity verification; RFC 2104 HMAC).
 */
export function userHash(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(userId, "utf8").digest("hex");
}

/** A secret that verifies: current (no end) or replaced and still within its overlap. */
export type VerifyingSecret = { secret: string; expiresAt: number | null };

const HEX_64 = /^[0-9a-fA-F]{64}$/;

/** Whether `hash` is the userHash of `userId` under a secret still verifying at `now` (compared in constant time). */
export function verifyUserHash(
  secrets: readonly VerifyingSecret[],
  userId: string,
  hash: string | undefined,
  now: number,
): boolean {
  if (!hash || !HEX_64.test(hash)) return false;
  const given = Buffer.from(hash.toLowerCase(), "hex");
  let ok = false;
  for (const { secret, expiresAt } of secrets) {
    if (expiresAt !== null && expiresAt <= now) continue;
    // every live secret is tried, so the time taken does not say which one matched
    if (timingSafeEqual(Buffer.from(userHash(secret, userId), "hex"), given)) ok = true;
  }
  return ok;
}

/**
 * How far a call's identity claims are trusted: a server key fully; a client
 * key only as far as it is signed; a first-party page without a key (the demo
 * storefront's) only for the one user id its server-side session names, the
 * way its own server would sign that id and no other.
 */
export type CallerTrust =
  | { kind: "server" }
  | { kind: "browser"; requireSignedUserIds: boolean; secrets: readonly VerifyingSecret[] }
  | { kind: "session"; userId: string | null };

/** Write and admin keys: their holder's own server, trusted with any id. */
export const SERVER_TRUST: CallerTrust = { kind: "server" };

/** What a call's userId counts as: `verified` by its hash, `unverified` (absent or wrong), or not said (server keys, no userId). */
export type IdentityCheck = "verified" | "unverified";

/**
 * The userId a call may act as. A server key's is taken as sent. A
 * session's only when it is the session's user. A client key's counts when
 * its userHash verifies; otherwise, when the workspace
 * requires signed ids, the call is the anonymous visitor it is (no userId),
 * and else the id is taken unverified (so existing storefronts keep working
 * until the marketer turns the requirement on).
 */
export function trustedUserId(
  trust: CallerTrust,
  claim: { userId?: string; userHash?: string },
  now: number,
): { userId: string | undefined; check?: IdentityCheck } {
  if (trust.kind === "server" || claim.userId === undefined) return { userId: claim.userId };
  if (trust.kind === "session")
    return claim.userId === trust.userId
      ? { userId: claim.userId, check: "verified" }
      : { userId: undefined, check: "unverified" };
  if (verifyUserHash(trust.secrets, claim.userId, claim.userHash, now))
    return { userId: claim.userId, check: "verified" };
  return { userId: trust.requireSignedUserIds ? undefined : claim.userId, check: "unverified" };
}
