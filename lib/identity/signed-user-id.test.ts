import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SERVER_TRUST, trustedUserId, userHash, verifyUserHash, type CallerTrust } from "./signed-user-id";

const NOW = Date.UTC(2026, 11, 3, 12);
const secrets = [{ secret: "s3cret-current", expiresAt: null }];

describe("userHash", () => {
  it("is HMAC-SHA256 of the user id under the secret, in lower-case hex (RFC 4231 test case 2)", () => {
    // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?"
    expect(userHash("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(userHash("k", "user_1")).toBe(createHmac("sha256", "k").update("user_1").digest("hex"));
  });
});

describe("verifyUserHash", () => {
  const hash = userHash("s3cret-current", "user_100968");

  it("accepts the hash of this user under a live secret, in either case", () => {
    expect(verifyUserHash(secrets, "user_100968", hash, NOW)).toBe(true);
    expect(verifyUserHash(secrets, "user_100968", hash.toUpperCase(), NOW)).toBe(true);
  });

  it("refuses another user's hash, a missing, short or non-hex hash, and an unknown secret's", () => {
    expect(verifyUserHash(secrets, "user_100969", hash, NOW)).toBe(false);
    for (const bad of [undefined, "", hash.slice(2), `${hash}00`, "z".repeat(64)])
      expect(verifyUserHash(secrets, "user_100968", bad, NOW)).toBe(false);
    expect(verifyUserHash(secrets, "user_100968", userHash("other", "user_100968"), NOW)).toBe(false);
    expect(verifyUserHash([], "user_100968", hash, NOW)).toBe(false);
  });

  it("keeps a replaced secret verifying until its overlap ends, and not after", () => {
    const rotating = [
      { secret: "new", expiresAt: null },
      { secret: "old", expiresAt: NOW + 1_000 },
    ];
    const old = userHash("old", "u");
    expect(verifyUserHash(rotating, "u", old, NOW)).toBe(true);
    expect(verifyUserHash(rotating, "u", old, NOW + 1_000)).toBe(false);
    expect(verifyUserHash(rotating, "u", userHash("new", "u"), NOW + 1_000)).toBe(true);
  });
});

describe("trustedUserId", () => {
  const browser = (requireSignedUserIds: boolean): CallerTrust => ({ kind: "browser", requireSignedUserIds, secrets });
  const signed = { userId: "user_1", userHash: userHash("s3cret-current", "user_1") };

  it("takes a server key's userId as sent", () => {
    expect(trustedUserId(SERVER_TRUST, { userId: "user_1" }, NOW)).toEqual({ userId: "user_1" });
  });

  it("takes a client key's userId with its valid hash as verified", () => {
    expect(trustedUserId(browser(true), signed, NOW)).toEqual({ userId: "user_1", check: "verified" });
  });

  it("drops a client key's unsigned or wrongly signed userId when signatures are required", () => {
    expect(trustedUserId(browser(true), { userId: "user_1" }, NOW)).toEqual({ userId: undefined, check: "unverified" });
    expect(trustedUserId(browser(true), { userId: "user_2", userHash: signed.userHash }, NOW)).toEqual({
      userId: undefined,
      check: "unverified",
    });
  });

  it("takes it unverified (and says so) while signatures are not required", () => {
    expect(trustedUserId(browser(false), { userId: "user_1" }, NOW)).toEqual({ userId: "user_1", check: "unverified" });
  });

  it("says nothing of a call without a userId", () => {
    expect(trustedUserId(browser(true), {}, NOW)).toEqual({ userId: undefined });
    expect(trustedUserId({ kind: "session", userId: "user_1" }, {}, NOW)).toEqual({ userId: undefined });
  });

  it("takes a session's own user as verified and no other, whatever hash comes with it", () => {
    const session: CallerTrust = { kind: "session", userId: "user_1" };
    expect(trustedUserId(session, { userId: "user_1" }, NOW)).toEqual({ userId: "user_1", check: "verified" });
    expect(trustedUserId(session, { userId: "user_100968", userHash: signed.userHash }, NOW)).toEqual({
      userId: undefined,
      check: "unverified",
    });
    expect(trustedUserId({ kind: "session", userId: null }, { userId: "user_1" }, NOW)).toEqual({
      userId: undefined,
      check: "unverified",
    });
  });
});
