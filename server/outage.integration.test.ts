import { rm } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemo } from "@/prisma/seed/demo";
import { ensureDatabase } from "@/scripts/lib/database";
import { startDecisionServer, type RunningDecisionServer } from "@/scripts/test/decision-server";

/**
 * A Postgres of its own, so that it can be killed and restarted under load
 * while a decision server serves the demo configuration.
 */
const DATA_DIR = ".data/test-outage";
const WRITE_KEY = "wk_outageWriteKey00000000000000000000";
const CLIENT_KEY = "ck_outageClientKey0000000000000000000";
const BUFFER_LIMIT = 3_000;
const PLACEMENTS = ["home-hero", "pdp-banner", "announcement-bar"];

let postgres: EmbeddedServer;
let databaseUrl: string;
let port: number;
let userIds: string[] = [];
let server: RunningDecisionServer;

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
const post = (path: string, key: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const readyz = async () => (await fetch(`${server.url}/readyz`)).json();

beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  postgres = await startEmbeddedPostgres(DATA_DIR, () => {}, { durable: false });
  await ensureDatabase(postgres.serverUrl, "outage");
  databaseUrl = postgres.urlFor("outage");
  port = Number(new URL(databaseUrl).port);
  await migrateDatabase(databaseUrl);
  await seedDemo({ databaseUrl, profiles: 60, days: 14, writeKey: WRITE_KEY, clientKey: CLIENT_KEY });
  // the clients below send as fast as they can: the subject is the outage, not the keys' rate limit
  await query("UPDATE workspaces SET api_rate_limit = 1000000");
  userIds = (await query<{ value: string }>("SELECT value FROM identities WHERE type = 'user_id' LIMIT 40")).map(
    (r) => r.value,
  );
  server = await startDecisionServer(databaseUrl, { EVENT_BUFFER_MAX: String(BUFFER_LIMIT) });
}, 120_000);

afterAll(async () => {
  if (process.env.SHOW_SERVER_OUTPUT) console.log(server?.output.join("\n"));
  await server?.stop("SIGKILL");
  await postgres?.stop();
});

/** Decisions and event batches from several clients until `stop()`; counts every answer. */
function load() {
  const tally = {
    decided: 0,
    decideFailures: [] as string[],
    acked: [] as string[],
    refused: 0,
    otherEventAnswers: [] as string[],
  };
  let running = true;
  let sequence = 0;
  const decider = async (n: number) => {
    for (let i = 0; running; i++) {
      const who =
        i % 3 === 0
          ? { userId: userIds[(n * 7 + i) % userIds.length] }
          : i % 3 === 1
            ? { anonymousId: `anon-${n}-${i}` }
            : { anonymousId: `new-${n}-${i}`, newVisitor: true };
      const response = await post("/v1/decide", CLIENT_KEY, {
        ...who,
        placements: PLACEMENTS,
        context: { url: "https://shop.example/", country: "DE" },
      });
      const body = (await response.json()) as { decisions?: Record<string, unknown> };
      if (response.status === 200 && Object.keys(body.decisions ?? {}).length === PLACEMENTS.length) tally.decided += 1;
      else tally.decideFailures.push(`${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
  };
  const sender = async (n: number) => {
    while (running) {
      const ids = Array.from({ length: 25 }, () => `outage-${n}-${sequence++}`);
      const response = await post("/v1/batch", WRITE_KEY, {
        batch: ids.map((messageId, i) => ({
          type: "track",
          event: "Product Viewed",
          anonymousId: `visitor-${n}-${i % 5}`,
          messageId,
          properties: { sku: messageId },
        })),
      });
      const body = await response.json();
      if (response.status === 200) tally.acked.push(...ids);
      else if (response.status === 503 && body.error?.code === "unavailable") tally.refused += ids.length;
      else tally.otherEventAnswers.push(`${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const workers = [...[0, 1, 2].map(decider), ...[0, 1].map(sender)];
  return {
    tally,
    async stop() {
      running = false;
      await Promise.all(workers);
      return tally;
    },
  };
}

describe("a decision server through a database outage", () => {
  it("keeps serving decisions, buffers events up to its bound, and writes every acknowledged one once the database is back", async () => {
    // what the demo seed wrote already (its experiments' 30 days of history): the served decisions add to it
    const [seeded] = await query<{ decisions: number; placements: number; counted: number }>(
      `SELECT coalesce(sum(impressions), 0)::int AS decisions, coalesce(sum(impressions * cardinality(placement_ids)), 0)::int AS placements,
              (SELECT coalesce(sum(impressions), 0)::int FROM placement_impressions) AS counted FROM exposures`,
    );
    const traffic = load();
    await new Promise((r) => setTimeout(r, 1_500));
    const beforeOutage = traffic.tally.decided;
    expect(beforeOutage).toBeGreaterThan(0);

    await postgres.stop(); // killed under load
    await expect.poll(async () => (await readyz()).status, { timeout: 5_000, interval: 100 }).toBe("degraded");
    const decidedAtOutage = traffic.tally.decided;
    const ackedAtOutage = traffic.tally.acked.length;
    await new Promise((r) => setTimeout(r, 3_000));
    const refusedSeen = traffic.tally.refused; // read before the server's count: refusals still on their way to the clients are in the server's count only
    const during = await readyz();
    expect(traffic.tally.decided - decidedAtOutage).toBeGreaterThan(50); // decisions kept flowing
    expect(traffic.tally.acked.length).toBeGreaterThan(ackedAtOutage); // events were taken into the buffer
    expect(during.events.waiting).toBeLessThanOrEqual(BUFFER_LIMIT);
    expect(traffic.tally.refused).toBeGreaterThan(0); // then refused, once the buffer was full
    expect(during.events.refused).toBeGreaterThanOrEqual(refusedSeen); // exactly equal once traffic has stopped (below)
    // what needs the database it does not have (a key never seen) is a 503 to retry, not a server fault
    const unseen = await post("/v1/decide", "ck_neverSeenDuringTheOutage000000000000", { placements: PLACEMENTS });
    expect(unseen.status).toBe(503);
    expect(unseen.headers.get("retry-after")).toBe("1");
    expect((await unseen.json()).error.code).toBe("unavailable");

    postgres = await startEmbeddedPostgres(DATA_DIR, () => {}, { durable: false, port }); // back
    await expect.poll(async () => (await readyz()).status, { timeout: 15_000, interval: 200 }).toBe("ready");
    await new Promise((r) => setTimeout(r, 1_000));
    const tally = await traffic.stop();
    await expect.poll(async () => (await readyz()).events.waiting, { timeout: 20_000, interval: 200 }).toBe(0);

    expect(tally.decideFailures).toEqual([]);
    expect(tally.otherEventAnswers).toEqual([]);
    const stored = await query<{ n: number }>(
      "SELECT count(DISTINCT message_id)::int AS n FROM events WHERE message_id = ANY($1::text[])",
      [tally.acked],
    );
    expect(stored[0]!.n).toBe(tally.acked.length); // not one acknowledged event lost
    const after = await readyz();
    expect(after.events).toMatchObject({ failed: 0, refused: tally.refused, accepted: tally.acked.length });

    // every decision served, through the outage too, is one impression in exposures and one per placement in the day counts
    await expect.poll(async () => (await readyz()).exposures.pending, { timeout: 20_000, interval: 200 }).toBe(0);
    expect((await readyz()).exposures).toMatchObject({ written: tally.decided, dropped: 0 });
    const [written] = await query<{ decisions: number; placements: number }>(
      "SELECT coalesce(sum(impressions), 0)::int AS decisions, coalesce(sum(impressions * cardinality(placement_ids)), 0)::int AS placements FROM exposures",
    );
    expect(written).toEqual({
      decisions: seeded!.decisions + tally.decided,
      placements: seeded!.placements + tally.decided * PLACEMENTS.length,
    });
    const [counted] = await query<{ n: number }>(
      "SELECT coalesce(sum(impressions), 0)::int AS n FROM placement_impressions",
    );
    expect(counted!.n).toBe(seeded!.counted + tally.decided * PLACEMENTS.length);
  }, 90_000);

  it("on SIGTERM stops accepting, writes what it holds, and exits", async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `last-${i}`);
    const response = await post("/v1/batch", WRITE_KEY, {
      batch: ids.map((messageId) => ({ type: "track", event: "Cart Viewed", userId: userIds[0], messageId })),
    });
    expect(response.status).toBe(200);
    await fetch(`${server.url}/v1/decide`, {
      method: "POST",
      headers: { authorization: `Bearer ${CLIENT_KEY}` },
      body: JSON.stringify({ userId: userIds[0], placements: PLACEMENTS }),
    });
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(server.output.join("\n")).toContain("flushing buffers");
    const stored = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE message_id = ANY($1::text[])",
      [ids],
    );
    expect(stored[0]!.n).toBe(ids.length);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 30_000);
});
