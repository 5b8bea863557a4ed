import { describe, expect, it } from "vitest";
import { SERVER_TRUST, userHash, type CallerTrust } from "@/lib/identity/signed-user-id";
import { admitMessage, callCheck } from "./browser-claims";
import { normalizeMessage } from "./normalize";
import { messageSchema, type Message } from "./schema";

const NOW = Date.UTC(2026, 11, 3, 12);
const secrets = [{ secret: "s3cret", expiresAt: null }];
const browser = (requireSignedUserIds = true): CallerTrust => ({ kind: "browser", requireSignedUserIds, secrets });
const message = (fields: Record<string, unknown>): Message =>
  messageSchema.parse({ type: "track", event: "X", ...fields });

describe("admitMessage", () => {
  it("takes a server key's message as sent", () => {
    const m = message({ userId: "victim" });
    expect(admitMessage(m, SERVER_TRUST, NOW)).toEqual({ ok: true, message: m });
  });

  it("keeps a client key's signed userId, and counts it verified", () => {
    const m = message({ userId: "u1", userHash: userHash("s3cret", "u1") });
    expect(admitMessage(m, browser(), NOW)).toEqual({ ok: true, message: m, check: "verified" });
  });

  it("makes an unsigned userId's message its anonymous visitor's, and refuses one that names no anonymous id", () => {
    const admitted = admitMessage(message({ userId: "victim", anonymousId: "attacker-1" }), browser(), NOW);
    expect(admitted).toMatchObject({ ok: true, check: "unverified" });
    expect(admitted.ok && admitted.message.userId).toBeUndefined();
    expect(admitted.ok && admitted.message.anonymousId).toBe("attacker-1");
    expect(admitMessage(message({ userId: "victim" }), browser(), NOW)).toMatchObject({
      ok: false,
      check: "unverified",
      issues: [{ path: "userHash" }],
    });
  });

  it("refuses a client key's alias unless its userId is signed", () => {
    const alias = messageSchema.parse({ type: "alias", userId: "victim", previousId: "attacker-1", anonymousId: "a" });
    expect(admitMessage(alias, browser(), NOW).ok).toBe(false);
    const signed = { ...alias, userHash: userHash("s3cret", "victim") };
    expect(admitMessage(signed, browser(), NOW).ok).toBe(true);
  });

  it("takes an unsigned userId while the workspace does not require signatures, counted unverified", () => {
    const m = message({ userId: "u1" });
    expect(admitMessage(m, browser(false), NOW)).toEqual({ ok: true, message: m, check: "unverified" });
  });
});

describe("a client key's identity claims", () => {
  const identify = messageSchema.parse({
    type: "identify",
    anonymousId: "attacker-1",
    traits: { email: "victim@example.test", phone: "+4915112345678", consent: { marketing: true } },
    timestamp: "2020-01-01T00:00:00Z",
  });
  const receivedAt = new Date(NOW);
  const options = { newMessageId: () => "m", keepPii: true };

  it("are kept as traits but never used to join profiles, and consent is dated when it arrived", () => {
    const event = normalizeMessage(identify, receivedAt, { ...options, identityClaims: false });
    expect(event.email).toBeUndefined();
    expect(event.phone).toBeUndefined();
    expect(event.traits).toMatchObject({ email: "victim@example.test", phone: "+4915112345678" });
    expect(event.consentAt).toEqual(receivedAt);
  });

  it("join profiles when a server key sends them, dated as sent", () => {
    const event = normalizeMessage(identify, receivedAt, options);
    expect(event.email).toBe("victim@example.test");
    expect(event.consentAt).toBeUndefined();
    expect(event.occurredAt).toEqual(new Date("2020-01-01T00:00:00Z"));
  });
});

describe("callCheck", () => {
  it("says unverified if any userId was, else verified if any was", () => {
    expect(callCheck(["verified", "unverified", undefined])).toBe("unverified");
    expect(callCheck(["verified", undefined])).toBe("verified");
    expect(callCheck([undefined])).toBeUndefined();
  });
});
