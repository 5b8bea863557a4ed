import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as alias } from "@/app/api/v1/alias/route";
import { POST as batch } from "@/app/api/v1/batch/route";
import { POST as consent } from "@/app/api/v1/consent/route";
import { POST as decide } from "@/app/api/v1/decide/route";
import { POST as identify } from "@/app/api/v1/identify/route";
import { POST as page } from "@/app/api/v1/page/route";
import { POST as track } from "@/app/api/v1/track/route";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { startDecisionServer, type RunningDecisionServer } from "@/scripts/test/decision-server";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";
/**
 * Bad input is a 4xx with the field and reason, never a 500: valid messages
 * of every kind with one to three fields (or nested keys) set to odd values
 * (edge-case strings, times and numbers, nested values), sent to every public
 * endpoint, of the app and of a decision server; the decision server, which
 * acknowledges events before it stores them, must then store every one it
 * acknowledged (none may fail later in Postgres). The seed changes with each local run and is printed with any
 * failure (`FUZZ_SEED=… npm run test:integration -- lib/api/fuzz` repeats
 * it); under CI it is fixed, so that a landing does not depend on a draw.
 */
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 20261130 : Date.now() % 1_000_000_007));
const RUNS = 1_500;

let key = "";
let ck = "";
let server: RunningDecisionServer;
beforeAll(async () => {
  const ws = await createTestWorkspace("Fuzz", ["admin"]);
  key = await createTestApiKey(ws.workspace.id, "write");
  ck = await createTestApiKey(ws.workspace.id, "client");
  server = await startDecisionServer(process.env.DATABASE_URL!);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await closePgPool();
});
const readyz = async () =>
  (await fetch(`${server.url}/readyz`)).json() as Promise<{
    events: { waiting: number; failed: number; accepted: number; stored: number; duplicates: number };
  }>;

let seed = SEED;
const r = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
const str = () =>
  pick([
    "",
    " ",
    "a",
    "Ünïcödé",
    "😀",
    "x".repeat(300),
    "\t\n",
    "null",
    "1e999",
    "2026-11-30T10:00:00Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59+14:00",
    "2026-11-30T10:00:00",
    "+020000-01-01T00:00:00Z",
    "<script>",
    "a'b\"c\\d",
    "%00",
    "\u202e",
    "\ud83d",
  ]);
const num = () => pick([0, -1, 1.5, 1e21, -1e21, 2 ** 53 + 1, 1e-300, 123456789012, 999999999999.99]);
const val = (d: number): unknown => {
  const k = r();
  if (d > 3 || k < 0.35) return str();
  if (k < 0.55) return num();
  if (k < 0.62) return pick([true, false, null]);
  if (k < 0.8) return Array.from({ length: Math.floor(r() * 4) }, () => val(d + 1));
  return obj(d + 1);
};
const obj = (d: number) =>
  Object.fromEntries(
    Array.from({ length: Math.floor(r() * 5) }, () => [
      pick(["revenue", "price", "email", "phone", "first_name", "timestamp", "a", str()]),
      val(d),
    ]),
  );
const VALID: Record<string, () => Record<string, unknown>> = {
  track: () => ({
    type: "track",
    anonymousId: "fz",
    event: "Order Completed",
    properties: { revenue: 10, category: "shoes" },
  }),
  identify: () => ({ type: "identify", userId: "fz-user", traits: { email: "fz@example.com", first_name: "Fuzz" } }),
  page: () => ({ type: "page", anonymousId: "fz", name: "Home", properties: { url: "https://shop.example/" } }),
  alias: () => ({ type: "alias", userId: "fz-user", previousId: "fz" }),
  group: () => ({ type: "group", anonymousId: "fz", groupId: "g1", traits: { plan: "pro" } }),
  consent: () => ({ anonymousId: "fz", consent: { analytics: true } }),
  decide: () => ({ anonymousId: "fz", placements: ["home-hero"], context: { url: "https://shop.example/" } }),
};
const FIELDS = [
  "anonymousId",
  "userId",
  "userHash",
  "messageId",
  "timestamp",
  "originalTimestamp",
  "sentAt",
  "event",
  "name",
  "previousId",
  "groupId",
  "properties",
  "traits",
  "context",
  "consent",
  "placements",
  "newVisitor",
  "properties.revenue",
  "properties.price",
  "traits.email",
  "traits.phone",
  "traits.first_name",
  "context.traits",
  "context.page",
  "context.campaign",
  "context.ip",
  "context.timezone",
  "context.country",
  "consent.marketing",
];
/** A valid message of its kind with one to three fields (or nested keys) set to random values. */
const mutated = (kind: string) => {
  const m = VALID[kind]!();
  for (let n = 1 + Math.floor(r() * 3); n > 0; n--) {
    const [field, sub] = pick(FIELDS).split(".") as [string, string?];
    const value = r() < 0.5 ? str() : r() < 0.5 ? num() : val(1);
    if (sub)
      m[field] = { ...(typeof m[field] === "object" && m[field] !== null ? (m[field] as object) : {}), [sub]: value };
    else m[field] = value;
  }
  if (r() < 0.5) m.anonymousId = `fz-${Math.floor(r() * 50)}`;
  return m;
};
it("a key past its rate limit gets 429 with Retry-After from both servers, never a 5xx", async () => {
  const limited = await createTestWorkspace("Fuzz limited", ["admin"]);
  await db.workspace.update({ where: { id: limited.workspace.id }, data: { apiRateLimit: 1 } });
  const lk = await createTestApiKey(limited.workspace.id, "client");
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const name = pick(["decide", "track", "batch", "consent"] as const);
    const body = JSON.stringify(name === "batch" ? { batch: [mutated("track")] } : mutated(name));
    const headers = { authorization: `Bearer ${lk}` };
    const handler = { decide, track, batch, consent }[name];
    for (const res of [
      await handler(new Request("http://localhost/x", { method: "POST", headers, body })),
      await fetch(`${server.url}/v1/${name}`, { method: "POST", headers, body }),
    ]) {
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
  }
  expect(
    statuses.filter((s) => s >= 500),
    `FUZZ_SEED=${SEED}`,
  ).toEqual([]);
  expect(statuses).toContain(429);
}, 60_000);

it("no input to a public endpoint gives a 500", async () => {
  const failures: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [name, handler, auth] = pick([
      ["track", track, key],
      ["identify", identify, key],
      ["page", page, key],
      ["alias", alias, key],
      ["consent", consent, key],
      ["decide", decide, ck],
      ["batch", batch, key],
    ] as const);
    const body = JSON.stringify(
      name === "batch"
        ? {
            batch: Array.from({ length: 1 + Math.floor(r() * 4) }, () =>
              mutated(pick(["track", "identify", "page", "alias", "group"])),
            ),
            ...(r() < 0.3 ? { context: obj(1), sentAt: str() } : {}),
          }
        : mutated(name),
    );
    // events go with the public client key too (its userIds need their userHash, its emails join nothing)
    const headers = { authorization: `Bearer ${auth === key && r() < 0.3 ? ck : auth}` };
    const res = await handler(new Request("http://localhost/x", { method: "POST", headers, body }));
    if (res.status >= 500) failures.push(`app ${name} ${res.status} ${body.slice(0, 300)}`);
    const served = await fetch(`${server.url}/v1/${name}`, { method: "POST", headers, body });
    if (served.status >= 500) failures.push(`decision server ${name} ${served.status} ${body.slice(0, 300)}`);
  }
  expect(failures.slice(0, 10), `FUZZ_SEED=${SEED}: ${failures.length} of ${RUNS} requests answered 5xx`).toEqual([]);
  await expect.poll(async () => (await readyz()).events.waiting, { timeout: 20_000 }).toBe(0);
  const { events } = await readyz();
  expect(events.failed, `FUZZ_SEED=${SEED}: events the decision server acknowledged and could not store`).toBe(0);
  expect(events.accepted).toBeGreaterThan(0);
}, 120_000);
