import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as decideRoute } from "@/app/api/v1/decide/route";
import { POST as trackRoute } from "@/app/api/v1/track/route";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { setApiRateLimitDef } from "@/lib/api-keys/actions/set-api-rate-limit";
import { closePgPool } from "@/lib/db/pg-pool";
import { stopConfigListener } from "@/lib/decide/runtime/snapshot-store";
import { startDecisionServer, type RunningDecisionServer } from "@/scripts/test/decision-server";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";
import { resetRateLimits } from "./rate-limit";

let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
let clientKey: string;
let writeKey: string;
let server: RunningDecisionServer;

const viaApp = async (route: (r: Request) => Promise<Response>, body: unknown, key: string) => {
  const response = await route(
    new Request("http://localhost/api/v1/x", {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
};
const viaServer = async (path: string, body: unknown, key: string) => {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
};
const decideBody = { anonymousId: "rl-visitor", placements: ["home-hero"] };

beforeAll(async () => {
  ws = await createTestWorkspace("Rate limits", ["admin"]);
  clientKey = await createTestApiKey(ws.workspace.id, "client");
  writeKey = await createTestApiKey(ws.workspace.id, "write");
  const set = await runWorkspaceAction(setApiRateLimitDef, ws.member("admin").userId, {
    workspaceId: ws.workspace.id,
    perSecond: 2,
  });
  expect(set).toMatchObject({ ok: true, data: { perSecond: 2 } });
  resetRateLimits();
  server = await startDecisionServer(process.env.DATABASE_URL!);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await stopConfigListener();
  await closePgPool();
});

describe("every key has a limit", () => {
  it("answers 429 with Retry-After past the workspace's rate and burst, per key", async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await viaApp(decideRoute, decideBody, clientKey));
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([200, 200, 200, 200]); // the burst: twice the rate
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused).toMatchObject({ retryAfter: "1", body: { error: { code: "rate_limited" } } });
    expect(refused.body.error.message).toContain("2 requests a second");
    // another key of the workspace has its own bucket
    expect((await viaApp(trackRoute, { anonymousId: "rl", event: "Ok" }, writeKey)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await viaApp(decideRoute, decideBody, clientKey)).status).toBe(200); // refilled
  });

  it("is enforced the same by a decision server for the traffic it sees", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await viaServer("/v1/decide", decideBody, clientKey)).status);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses).toContain(429);
    const refused = await viaServer("/v1/decide", decideBody, clientKey);
    expect(refused).toMatchObject({ status: 429, retryAfter: "1", body: { error: { code: "rate_limited" } } });
  });

  it("refuses a limit that is not a whole number of requests a second, with why", async () => {
    for (const perSecond of ["", "0", "2.5", "abc", "100001"]) {
      const result = await runWorkspaceAction(setApiRateLimitDef, ws.member("admin").userId, {
        workspaceId: ws.workspace.id,
        perSecond,
      });
      expect(result, perSecond).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      expect(result.ok ? null : result.error.fieldErrors?.perSecond?.[0], perSecond).toBeTruthy();
    }
  });
});
