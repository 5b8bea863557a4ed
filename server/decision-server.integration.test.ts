import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as appDecide } from "@/app/api/v1/decide/route";
import { POST as appBatch } from "@/app/api/v1/batch/route";
import { POST as appConsent } from "@/app/api/v1/consent/route";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { clearKeyCache } from "@/lib/api-keys/runtime/key-cache";
import { revokeApiKeyDef } from "@/lib/api-keys/actions/revoke-api-key";
import { hashApiKey } from "@/lib/api-keys/secret";
import { setExperienceStatusDef } from "@/lib/content/actions/experience-state";
import { setKillSwitchDef } from "@/lib/content/actions/set-kill-switch";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { stopConfigListener } from "@/lib/decide/runtime/snapshot-store";
import { startDecisionServer, type RunningDecisionServer } from "@/scripts/test/decision-server";
import { createTestApiKey, createTestIdentitySecret, createTestWorkspace } from "@/scripts/test/fixtures";
import { createHeroForPros } from "@/scripts/test/hero-fixture";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let clientKey: string;
let writeKey: string;
let editor: string;
let placementId: string;
let experienceId: string;
let servers: RunningDecisionServer[] = [];

type Call = { body?: unknown; raw?: string; key?: string | null; headers?: Record<string, string> };
const headersOf = ({ key, headers }: Call, fallback: string) => ({
  ...(key === null ? {} : { authorization: `Bearer ${key ?? fallback}` }),
  ...headers,
});

/** The same call through the app's route handler and through a decision server, answered as status, body and CORS header. */
async function viaApp(route: (r: Request) => Promise<Response>, path: string, call: Call, key: string) {
  const response = await route(
    new Request(`http://app.example${path}`, {
      method: "POST",
      headers: headersOf(call, key),
      body: call.raw ?? JSON.stringify(call.body),
    }),
  );
  return {
    status: response.status,
    body: await response.json(),
    cors: response.headers.get("access-control-allow-origin"),
  };
}
async function viaServer(server: RunningDecisionServer, path: string, call: Call, key: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: headersOf(call, key),
    body: call.raw ?? JSON.stringify(call.body),
  });
  return {
    status: response.status,
    body: await response.json(),
    cors: response.headers.get("access-control-allow-origin"),
  };
}
let signed: <B extends { userId?: string | number }>(body: B) => B & { userHash?: string };
/** A client key's decide, its userId signed as the storefront's server would. */
const decide = (server: RunningDecisionServer, body: { userId?: string; placements: string[] }) =>
  viaServer(server, "/v1/decide", { body: signed(body) }, clientKey);

beforeAll(async () => {
  ws = await createTestWorkspace("Decision servers", ["admin", "editor"]);
  clientKey = await createTestApiKey(ws.workspace.id, "client");
  writeKey = await createTestApiKey(ws.workspace.id, "write");
  ({ signed } = await createTestIdentitySecret(ws.workspace.id));
  await db.workspace.update({ where: { id: ws.workspace.id }, data: { corsOrigins: ["https://shop.example"] } });
  clearKeyCache();
  ({ editor, placementId, experienceId } = await createHeroForPros(ws));
  servers = await Promise.all([
    startDecisionServer(process.env.DATABASE_URL!, { CONFIG_RECHECK_MS: "500" }),
    startDecisionServer(process.env.DATABASE_URL!, { CONFIG_RECHECK_MS: "500" }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await stopConfigListener();
  await closePgPool();
});

describe("the decision server", () => {
  it("answers decisions and refusals exactly as the app's route does", async () => {
    const calls: Call[] = [
      { body: { userId: "pro-1", placements: ["home-hero", "nowhere"], context: { url: "https://shop.example/" } } },
      {
        body: signed({
          userId: "pro-1",
          placements: ["home-hero", "nowhere"],
          context: { url: "https://shop.example/" },
        }),
      },
      { body: signed({ userId: "free-1", placements: ["home-hero"] }) },
      { body: { userId: "free-1", placements: ["home-hero"], userHash: "0".repeat(64), traits: { plan: "pro" } } },
      { body: { anonymousId: "never-seen", placements: ["home-hero"] } },
      { body: { anonymousId: "brand-new", newVisitor: true, placements: ["home-hero"] } },
      { body: { placements: [], context: { country: "Germany" } } },
      { raw: "{not json" },
      { raw: JSON.stringify({ placements: ["home-hero"], traits: { big: "x".repeat(20_000) } }) },
      { body: { placements: ["home-hero"] }, key: null },
      { body: { placements: ["home-hero"] }, key: "ck_not_a_key" },
      { body: { placements: ["home-hero"] }, headers: { origin: "https://evil.example" } },
      { body: { userId: "pro-1", placements: ["home-hero"] }, headers: { origin: "https://shop.example" } },
    ];
    for (const call of calls) {
      const app = await viaApp(appDecide, "/api/v1/decide", call, clientKey);
      for (const server of servers)
        expect(await viaServer(server, "/v1/decide", call, clientKey), JSON.stringify(call).slice(0, 80)).toEqual(app);
    }
    const pro = await decide(servers[0]!, { userId: "pro-1", placements: ["home-hero"] });
    expect(pro.body.decisions["home-hero"]).toMatchObject({
      experienceId,
      content: "<h1>Hi Pia, pro</h1>",
      reason: "experience",
    });
    const wrongScope = { body: { placements: ["home-hero"] }, key: writeKey };
    expect(await viaServer(servers[1]!, "/api/v1/decide", wrongScope, clientKey)).toEqual(
      await viaApp(appDecide, "/api/v1/decide", wrongScope, clientKey),
    );
    expect((await viaServer(servers[1]!, "/api/v1/decide", wrongScope, clientKey)).status).toBe(403);
  });

  it("serves /v1/consent with the app's rules: a client key speaks only for its own visitor", async () => {
    const calls: Call[] = [
      { body: { userId: "pro-1", consent: { marketing: true }, timestamp: "2020-01-01T00:00:00Z" } },
      { body: { anonymousId: "consent-anon", consent: { marketing: false } } },
      { body: { anonymousId: "consent-anon", consent: {} } },
    ];
    for (const call of calls) {
      const app = await viaApp(appConsent, "/api/v1/consent", call, clientKey);
      expect(await viaServer(servers[0]!, "/v1/consent", call, clientKey), JSON.stringify(call)).toEqual(app);
    }
    expect((await viaServer(servers[0]!, "/v1/consent", calls[0]!, clientKey)).status).toBe(400);
    const own = await viaServer(servers[1]!, "/v1/consent", calls[1]!, clientKey);
    expect(own).toMatchObject({ status: 200, body: { success: true } });
    expect(own.body).not.toHaveProperty("profileId");
  });

  it("takes events with the app's validation, and stores them moments later", async () => {
    const batch = {
      batch: [
        { type: "track", userId: "pro-1", event: "Product Viewed", messageId: "srv-1" },
        { type: "track", event: "No id" },
        { type: "page", anonymousId: "srv-anon", messageId: "srv-2" },
      ],
    };
    const server = await viaServer(servers[0]!, "/v1/batch", { body: batch }, writeKey);
    expect(server.status).toBe(200);
    expect(server.body).toMatchObject({ success: true, accepted: 2, queued: 2 });
    const app = await viaApp(appBatch, "/api/v1/batch", { body: { batch: [batch.batch[1]] } }, writeKey);
    const refused = await viaServer(servers[1]!, "/v1/batch", { body: { batch: [batch.batch[1]] } }, writeKey);
    expect(refused).toEqual(app);
    expect(refused.status).toBe(400);
    expect(server.body.failed).toEqual([{ index: 1, issues: expect.any(Array) }]);
    await expect
      .poll(() => db.event.count({ where: { workspaceId: ws.workspace.id, messageId: { in: ["srv-1", "srv-2"] } } }), {
        timeout: 5_000,
      })
      .toBe(2);
    const tooBig = await viaServer(
      servers[0]!,
      "/v1/track",
      { body: { userId: "pro-1", event: "Big", properties: { blob: "x".repeat(40_000) } } },
      writeKey,
    );
    expect(tooBig.status).toBe(413);
  });

  it("serves an edit made in the dashboard from both servers within a second", async () => {
    for (const server of servers)
      expect(
        (await decide(server, { userId: "pro-1", placements: ["home-hero"] })).body.decisions["home-hero"].experienceId,
      ).toBe(experienceId);
    const started = Date.now();
    const killed = await runWorkspaceAction(setKillSwitchDef, editor, {
      workspaceId: ws.workspace.id,
      placementId,
      on: true,
    });
    expect(killed.ok).toBe(true);
    const seen = await Promise.all(
      servers.map(async (server) => {
        while (Date.now() - started < 3_000) {
          if (
            (await decide(server, { userId: "pro-1", placements: ["home-hero"] })).body.decisions["home-hero"]
              .reason === "kill_switch"
          )
            return Date.now() - started;
          await new Promise((r) => setTimeout(r, 20));
        }
        return Infinity;
      }),
    );
    for (const elapsed of seen) expect(elapsed).toBeLessThan(1_000);
    await runWorkspaceAction(setKillSwitchDef, editor, { workspaceId: ws.workspace.id, placementId, on: false });
  });

  it("heals a missed notification by re-checking the version", async () => {
    await runWorkspaceAction(setExperienceStatusDef, editor, {
      workspaceId: ws.workspace.id,
      experienceId,
      status: "live",
    });
    await expect
      .poll(
        async () =>
          (await decide(servers[0]!, { userId: "pro-1", placements: ["home-hero"] })).body.decisions["home-hero"]
            .reason,
        { timeout: 3_000 },
      )
      .toBe("experience");
    // a change committed without its notification (as if the LISTEN connection had dropped it)
    await db.$transaction([
      db.$executeRaw`UPDATE placements SET kill_switch = true WHERE id = ${placementId}`,
      db.$executeRaw`UPDATE workspaces SET config_version = config_version + 1 WHERE id = ${ws.workspace.id}`,
    ]);
    for (const server of servers) {
      await expect
        .poll(
          async () =>
            (await decide(server, { userId: "pro-1", placements: ["home-hero"] })).body.decisions["home-hero"].reason,
          { timeout: 3_000, interval: 100 },
        )
        .toBe("kill_switch");
    }
  });

  it("refuses a key revoked in the dashboard within a second, on every server", async () => {
    const key = await createTestApiKey(ws.workspace.id, "client");
    for (const server of servers)
      expect((await viaServer(server, "/v1/decide", { body: { placements: ["home-hero"] }, key }, key)).status).toBe(
        200,
      );
    const { id } = await db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(key) }, select: { id: true } });
    const started = Date.now();
    expect(
      (
        await runWorkspaceAction(revokeApiKeyDef, ws.member("admin").userId, {
          workspaceId: ws.workspace.id,
          apiKeyId: id,
        })
      ).ok,
    ).toBe(true);
    for (const server of servers) {
      await expect
        .poll(
          async () => (await viaServer(server, "/v1/decide", { body: { placements: ["home-hero"] }, key }, key)).status,
          { timeout: 1_000, interval: 20 },
        )
        .toBe(401);
    }
    expect(Date.now() - started).toBeLessThan(1_000); // not the key cache's 5 s lifetime
  });

  it("answers health and readiness", async () => {
    const health = await fetch(`${servers[0]!.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await (await fetch(`${servers[0]!.url}/readyz`)).json();
    expect(ready).toMatchObject({ status: "ready", database: { reachable: true }, events: { waiting: 0 } });
    const unknown = await fetch(`${servers[0]!.url}/v2/nothing`, { method: "POST" });
    expect(unknown.status).toBe(404);
    const preflight = await fetch(`${servers[0]!.url}/v1/decide`, {
      method: "OPTIONS",
      headers: { origin: "https://shop.example" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://shop.example");
  });
});
