import { trustedUserId, type CallerTrust, type IdentityCheck } from "@/lib/identity/signed-user-id";
import type { Message } from "./schema";

/** An item of a call, admitted as it may be stored, or refused with why. */
export type Admission =
  | { ok: true; message: Message; check?: IdentityCheck }
  | { ok: false; issues: { path: string; message: string }[]; check?: IdentityCheck };

export const UNSIGNED_USER_ID =
  "with a client key, a userId counts only with its userHash (HMAC-SHA256 of the userId, made by your server with the workspace's identity secret); sign it, or send only the anonymousId";

/**
 * What a message sent with a client key may claim. Its userId counts only
 * when signed (see trustedUserId): unsigned, and the workspace requiring
 * signatures, the message is its anonymous visitor's, refused when it names
 * none; an alias (which joins two identities) needs its userId to count.
 * Emails and phones of such messages never join profiles (normalizeMessage's
 * `identityClaims`). A server key's messages are taken as sent. Pure.
 */
export function admitMessage(message: Message, trust: CallerTrust, now: number): Admission {
  if (trust.kind === "server") return { ok: true, message };
  const { userId, check } = trustedUserId(trust, message, now);
  if (userId === message.userId) return { ok: true, message, check };
  if (message.type === "alias" || !message.anonymousId)
    return { ok: false, issues: [{ path: "userHash", message: UNSIGNED_USER_ID }], check };
  const { userId: _dropped, ...anonymous } = message;
  return { ok: true, message: anonymous as Message, check };
}

/** One call's verdict on its userIds, for the daily counts: unverified if any was, else verified if any was. */
export function callCheck(checks: readonly (IdentityCheck | undefined)[]): IdentityCheck | undefined {
  if (checks.includes("unverified")) return "unverified";
  return checks.includes("verified") ? "verified" : undefined;
}
