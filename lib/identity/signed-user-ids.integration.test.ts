// What a stranger holding a storefront's public client key can do (issue 14, part 1): each test sends the request
// that used to work and asserts the refusal or the safe answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { POST as consentRoute } from "@/app/api/v1/consent/route";
import { POST as decideRoute } from "@/app/api/v1/decide/route";
import { POST as identifyRoute } from "@/app/api/v1/identify/route";
import { POST as batchRoute } from "@/app/api/v1/batch/route";
import { POST as trackRoute } from "@/app/api/v1/track/route";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { stopConfigListener } from "@/lib/decide/runtime/snapshot-store";
import { storedIdentityValue } from "@/lib/identity/normalize";
import { createTestApiKey, createTestIdentitySecret, createTestWorkspace } from "@/scripts/test/fixtures";
import { createHeroForPros } from "@/scripts/test/hero-fixture";
import { setRequestTraitsDef, setRequireSignedUserIdsDef } from "./actions/set-identity-verification";
import { createIdentitySecretDef } from "./actions/create-identity-secret";
import { identitySettings } from "./db/identity-settings";
import { flushIdentityChecks } from "./runtime/identity-checks";
import { userHash } from "./signed-user-id";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let clientKey: string;
let writeKey: string;
let adminKey: string;
let signed: <B extends { userId?: string | number }>(body: B) => B & { userHash?: string };

const call = async (route: (r: Request) => Promise<Response>, body: unknown, key = clientKey) => {
  const response = await route(
    new Request("http://localhost/api/v1/x", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const hero = (body: Record<string, unknown>, key = clientKey) =>
  call(decideRoute, { placements: ["home-hero"], ...body }, key);
const profileOf = async (type: "user_id" | "anonymous_id" | "email", raw: string) => {
  const value = storedIdentityValue(type, raw, ws.workspace.identitySalt)!;
  return (
    await db.identity.findUnique({ where: { workspaceId_type_value: { workspaceId: ws.workspace.id, type, value } } })
  )?.profileId;
};

beforeAll(async () => {
  ws = await createTestWorkspace("Signed ids", ["admin", "editor"]);
  clientKey = await createTestApiKey(ws.workspace.id, "client");
  writeKey = await createTestApiKey(ws.workspace.id, "write");
  adminKey = await createTestApiKey(ws.workspace.id, "admin");
  ({ signed } = await createTestIdentitySecret(ws.workspace.id));
  await createHeroForPros(ws); // pro-1 (Pia) sees "Hi Pia, pro"
  await call(identifyRoute, { userId: "pro-1", traits: { email: "pia@example.test" } }, writeKey);
});

afterAll(async () => {
  await stopConfigListener();
  await closePgPool();
});

describe("a client key's userId", () => {
  it("opens no customer's content without its signature, and a new workspace requires one", async () => {
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ws.workspace.id } })).requireSignedUserIds).toBe(true);
    const forged = await hero({ userId: "pro-1" });
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({ decisions: { "home-hero": { reason: "default" } }, identity: "unverified" });
    expect(JSON.stringify(forged.body)).not.toContain("Pia");
    const wrong = await hero({ userId: "pro-1", userHash: userHash("a guess", "pro-1") });
    expect(wrong.body).toMatchObject({ decisions: { "home-hero": { reason: "default" } }, identity: "unverified" });
  });

  it("counts with its signature, and the answer still names no profile", async () => {
    const real = await hero(signed({ userId: "pro-1" }));
    expect(real.body).toMatchObject({
      decisions: { "home-hero": { content: "<h1>Hi Pia, pro</h1>" } },
      identity: "verified",
    });
    expect(real.body).not.toHaveProperty("profileId");
  });

  it("is a server key's word: an admin key's decide reads the profile and names it", async () => {
    const server = await hero({ userId: "pro-1" }, adminKey);
    expect(server.body.decisions["home-hero"].content).toBe("<h1>Hi Pia, pro</h1>");
    expect(server.body.profileId).toBe(await profileOf("user_id", "pro-1"));
    expect(server.body).not.toHaveProperty("identity");
  });

  it("stores nothing in a customer's profile without its signature", async () => {
    const before = await db.event.count({ where: { profileId: await profileOf("user_id", "pro-1") } });
    expect((await call(trackRoute, { userId: "pro-1", event: "Forged" })).status).toBe(400);
    const batch = await call(batchRoute, {
      batch: [
        { type: "track", userId: "pro-1", event: "Forged" },
        { type: "track", userId: "pro-1", anonymousId: "attacker-0", event: "Mine" },
        signed({ type: "track", userId: "pro-1", event: "Signed" }),
      ],
    });
    expect(batch.body).toMatchObject({ accepted: 2, failed: [{ index: 0, issues: [{ path: "userHash" }] }] });
    const victim = await profileOf("user_id", "pro-1");
    const names = (await db.event.findMany({ where: { profileId: victim } })).map((e) => e.name);
    expect(names.length).toBe(before + 1);
    expect(names).toContain("Signed");
    expect(names).not.toContain("Mine");
    expect(await profileOf("anonymous_id", "attacker-0")).not.toBe(victim);
  });

  it("is taken unverified, and counted, while the workspace does not require signatures", async () => {
    const admin = ws.member("admin").userId;
    const off = await runWorkspaceAction(setRequireSignedUserIdsDef, admin, {
      workspaceId: ws.workspace.id,
      required: false,
    });
    expect(off.ok).toBe(true);
    const taken = await hero({ userId: "pro-1" });
    expect(taken.body).toMatchObject({
      decisions: { "home-hero": { content: "<h1>Hi Pia, pro</h1>" } },
      identity: "unverified",
    });
    await flushIdentityChecks();
    const { lastSevenDays } = await identitySettings(ws.workspace.id);
    expect(lastSevenDays.unverified).toBeGreaterThanOrEqual(4);
    expect(lastSevenDays.verified).toBeGreaterThanOrEqual(1);
    expect(
      (await runWorkspaceAction(setRequireSignedUserIdsDef, admin, { workspaceId: ws.workspace.id, required: true }))
        .ok,
    ).toBe(true);
    expect((await hero({ userId: "pro-1" })).body.decisions["home-hero"].reason).toBe("default");
  });
});

describe("a rotated identity secret", () => {
  it("replaces the current one, which keeps verifying through its overlap, or stops at once", async () => {
    const admin = ws.member("admin").userId;
    const oldHash = signed({ userId: "pro-1" }).userHash;
    const rotated = await runWorkspaceAction(createIdentitySecretDef, admin, {
      workspaceId: ws.workspace.id,
      overlapHours: 24,
    });
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(rotated.data.secret).toMatch(/^is_[0-9A-Za-z]{40}$/);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, action: "identity_secret.create" },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(rotated.data.secret);
    const newHash = userHash(rotated.data.secret, "pro-1");
    for (const hash of [oldHash, newHash])
      expect((await hero({ userId: "pro-1", userHash: hash })).body.identity).toBe("verified");

    const leaked = await runWorkspaceAction(createIdentitySecretDef, admin, {
      workspaceId: ws.workspace.id,
      overlapHours: 0,
    });
    if (!leaked.ok) throw new Error(leaked.error.message);
    for (const hash of [oldHash, newHash])
      expect((await hero({ userId: "pro-1", userHash: hash })).body.identity).toBe("unverified");
    expect((await hero({ userId: "pro-1", userHash: userHash(leaked.data.secret, "pro-1") })).body.identity).toBe(
      "verified",
    );
    signed = (body) => ({ ...body, userHash: userHash(leaked.data.secret, String(body.userId)) });
  });
});

describe("a client key's identity claims", () => {
  it("never merge an anonymous visitor into the customer whose email it sends", async () => {
    const victim = await profileOf("email", "pia@example.test");
    expect(victim).toBeDefined();
    const sent = await call(identifyRoute, { anonymousId: "attacker-1", traits: { email: "pia@example.test" } });
    expect(sent.status).toBe(200);
    const attacker = await profileOf("anonymous_id", "attacker-1");
    expect(attacker).toBeDefined();
    expect(attacker).not.toBe(victim);
    // kept as a trait of the caller's own profile, and the caller's decisions are not Pia's
    expect((await db.profile.findUniqueOrThrow({ where: { id: attacker! } })).traits).toMatchObject({
      email: "pia@example.test",
    });
    expect((await hero({ anonymousId: "attacker-1" })).body.decisions["home-hero"].reason).toBe("default");
  });

  it("change consent only for the calling visitor, dated when it arrives, and answer no profile id", async () => {
    const victim = (await profileOf("user_id", "pro-1"))!;
    const forged = await call(consentRoute, {
      userId: "pro-1",
      consent: { marketing: true },
      timestamp: "2020-01-01T00:00:00Z",
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.issues).toEqual([{ path: "userHash", message: expect.stringContaining("userHash") }]);
    const own = await call(consentRoute, {
      userId: "pro-1",
      anonymousId: "attacker-2",
      consent: { marketing: true },
      timestamp: "2020-01-01T00:00:00Z",
    });
    expect(own).toMatchObject({ status: 200, body: { success: true } });
    expect(own.body).not.toHaveProperty("profileId");
    expect(await db.consentChange.count({ where: { profileId: victim, purpose: "marketing" } })).toBe(0);
    const change = await db.consentChange.findFirstOrThrow({
      where: { profileId: (await profileOf("anonymous_id", "attacker-2"))!, purpose: "marketing" },
    });
    expect(Date.now() - change.changedAt.getTime()).toBeLessThan(60_000);
  });
});

describe("a client key's request traits", () => {
  it("take no part in targeting unless the workspace declares them, and the answer names the ignored ones", async () => {
    const asked = await hero({ anonymousId: "visitor-9", traits: { plan: "pro", first_name: "Eve" } });
    expect(asked.body).toMatchObject({
      decisions: { "home-hero": { reason: "default" } },
      ignoredTraits: ["plan", "first_name"],
    });
    const saved = await runWorkspaceAction(setRequestTraitsDef, ws.member("admin").userId, {
      workspaceId: ws.workspace.id,
      traits: "plan\nfirst_name, locale",
    });
    expect(saved).toMatchObject({ ok: true, data: { traits: ["plan", "first_name", "locale"] } });
    const declared = await hero({ anonymousId: "visitor-9", traits: { plan: "pro", first_name: "Eve", vip: true } });
    expect(declared.body).toMatchObject({
      decisions: { "home-hero": { content: "<h1>Hi Eve, pro</h1>" } },
      ignoredTraits: ["vip"],
    });
    const refused = await runWorkspaceAction(setRequestTraitsDef, ws.member("admin").userId, {
      workspaceId: ws.workspace.id,
      traits: "__proto__",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });
});
