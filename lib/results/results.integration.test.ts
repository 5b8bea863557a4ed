// The results end to end on a real database: the admin API's GET /experiments/{id}/results (its numbers against
// counts made in the test, its refusals, its documented shape) and the bandit schedule's reweighting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/experiments/route";
import * as step from "@/app/api/v1/experiments/[id]/[step]/route";
import * as results from "@/app/api/v1/experiments/[id]/results/route";
import { openApiDocument } from "@/lib/api/openapi";
import { resolve, schemaValidator } from "@/lib/api/openapi/testing/document-checks";
import { db } from "@/lib/db/client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { stopConfigListener } from "@/lib/decide/runtime/snapshot-store";
import { subscribe } from "@/lib/signals/bus";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";
import { reweighBandit } from "./runtime/bandit-schedule";

let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
let adminKey: string;
let clientKey: string;
let otherAdminKey: string;
let goalId: string;

const call = async (
  handler: (request: Request) => Promise<Response>,
  method: string,
  path: string,
  key: string,
  body?: unknown,
) => {
  const response = await handler(
    new Request(`http://localhost${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field in the assertions
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

/** A started flag experiment of two arms with the Purchase goal as primary; returns its id and variation ids. */
async function startedFlag(key: string, extra: Record<string, unknown> = {}) {
  const created = await call(collection.POST, "POST", "/api/v1/experiments", adminKey, {
    key,
    name: key,
    type: "flag",
    variations: [
      { key: "off", name: "Off", value: false },
      { key: "on", name: "On", value: true },
    ],
    goals: [{ goalId, role: "primary" }],
    cupedDays: 0,
    ...extra,
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await call(step.POST, "POST", `/api/v1/experiments/${id}/start`, adminKey)).status).toBe(200);
  const ids = (created.body.variations as { id: string }[]).map((v) => v.id);
  return { id, control: ids[0]!, treatment: ids[1]! };
}

/**
 * `units` units assigned to a variation an hour ago, each with a profile (identity anonymous_id = unit), of which
 * `buyers` have an "Order Completed" inside the goal's window.
 */
async function enroll(experimentId: string, variationId: string, prefix: string, units: number, buyers: number) {
  const wsId = ws.workspace.id;
  const assignedAt = new Date(Date.now() - 3_600_000);
  const ids = Array.from({ length: units }, (_, i) => `${prefix}-${i}`);
  await pgPool().query(
    `WITH u AS (SELECT unnest($2::text[]) AS unit)
     INSERT INTO profiles (id, workspace_id, first_seen_at, last_seen_at, updated_at)
     SELECT 'p-' || unit, $1, now(), now(), now() FROM u`,
    [wsId, ids],
  );
  await pgPool().query(
    `INSERT INTO identities (id, workspace_id, profile_id, type, value)
     SELECT 'i-' || unit, $1, 'p-' || unit, 'anonymous_id', unit FROM unnest($2::text[]) AS unit`,
    [wsId, ids],
  );
  await pgPool().query(
    `INSERT INTO assignments (workspace_id, experiment_id, unit_id, phase, variation_id, assigned_at, device)
     SELECT $1, $2, unit, 1, $3, $4, CASE WHEN right(unit, 1) IN ('0', '2', '4', '6', '8') THEN 'mobile' ELSE 'desktop' END
     FROM unnest($5::text[]) AS unit`,
    [wsId, experimentId, variationId, assignedAt, ids],
  );
  await pgPool().query(
    `INSERT INTO events (workspace_id, profile_id, type, name, properties, message_id, occurred_at)
     SELECT $1, 'p-' || unit, 'track', 'Order Completed', '{"revenue": 40}', 'm-' || unit, $2
     FROM unnest($3::text[]) AS unit`,
    [wsId, new Date(assignedAt.getTime() + 60_000), ids.slice(0, buyers)],
  );
}

beforeAll(async () => {
  ws = await createTestWorkspace("Results", ["admin"]);
  adminKey = await createTestApiKey(ws.workspace.id, "admin");
  clientKey = await createTestApiKey(ws.workspace.id, "client");
  const other = await createTestWorkspace("Results other", ["admin"]);
  otherAdminKey = await createTestApiKey(other.workspace.id, "admin");
  goalId = (
    await db.goal.create({
      data: { workspaceId: ws.workspace.id, name: "Purchase", eventName: "Order Completed", kind: "conversion" },
    })
  ).id;
});

afterAll(async () => {
  await stopConfigListener();
  await closePgPool();
});

describe("GET /api/v1/experiments/{id}/results", () => {
  it("answers the conversions counted in SQL, the lift and its interval, in the documented shape", async () => {
    const { id, control, treatment } = await startedFlag("results-flag");
    await enroll(id, control, "r-a", 2000, 200);
    await enroll(id, treatment, "r-b", 2000, 300);
    const got = await call(results.GET, "GET", `/api/v1/experiments/${id}/results`, adminKey);
    expect(got.status).toBe(200);
    const metric = got.body.metrics[0];
    expect(metric).toMatchObject({ name: "Purchase", role: "primary", kind: "conversion", cuped: false });
    expect(metric.arms.map((a: { units: number; numerator: number }) => [a.units, a.numerator])).toEqual([
      [2000, 200],
      [2000, 300],
    ]);
    const effect = metric.arms[1].effect;
    expect(effect.lift).toBeCloseTo(0.5, 10);
    expect(effect.interval[0]).toBeGreaterThan(0.2);
    expect(effect.significant).toBe(true);
    expect(got.body.recommendation).toMatchObject({ verdict: "ship", winnerVariationId: treatment });
    expect(got.body.srm).toMatchObject({ flagged: false });
    expect(got.body.settings).toMatchObject({ engine: "frequentist", correction: "holm", alpha: 0.05 });

    const document = openApiDocument();
    const op = document.paths["/api/v1/experiments/{id}/results"]!.get as Record<string, unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is walked by path
    const schema = resolve(document, (op.responses as Record<string, any>)["200"].content["application/json"].schema);
    const validate = schemaValidator(document)(schema);
    expect(validate(got.body), JSON.stringify(validate.errors)).toBe(true);

    // the Bayesian engine and a breakdown by device, chosen in the query
    const bayes = await call(
      results.GET,
      "GET",
      `/api/v1/experiments/${id}/results?engine=bayesian&dimension=device`,
      adminKey,
    );
    expect(bayes.status).toBe(200);
    expect(bayes.body.metrics[0].arms[1].effect).toMatchObject({ pValue: null });
    expect(bayes.body.metrics[0].arms[1].effect.chanceToWin).toBeGreaterThan(0.99);
    expect(bayes.body.dimension.rows.map((r: { value: string }) => r.value)).toEqual(["desktop", "mobile"]);
    const units = bayes.body.dimension.rows.map(
      (r: { metric: { arms: { units: number }[] } }) => r.metric.arms[0]!.units,
    );
    expect(units).toEqual([1000, 1000]);
    expect(validate(bayes.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("refuses bad settings with the field, another workspace's experiment or segment, and a client key", async () => {
    const { id } = await startedFlag("results-refusals");
    const bad = await call(results.GET, "GET", `/api/v1/experiments/${id}/results?alpha=0.9&engine=magic`, adminKey);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_query");
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["alpha", "engine"]),
    );
    expect(
      (await call(results.GET, "GET", `/api/v1/experiments/${id}/results?dimension=segment`, adminKey)).status,
    ).toBe(400);
    const foreign = await db.segment.create({
      data: {
        workspaceId: (await db.workspace.create({ data: { name: "x", slug: `x-${id}`, identitySalt: "s" } })).id,
        name: "Other's",
      },
    });
    const other = await call(
      results.GET,
      "GET",
      `/api/v1/experiments/${id}/results?dimension=segment&segmentId=${foreign.id}`,
      adminKey,
    );
    expect(other.status).toBe(400);
    expect(other.body.error.issues).toEqual([{ path: "segmentId", message: "No such segment" }]);
    expect((await call(results.GET, "GET", `/api/v1/experiments/${id}/results`, otherAdminKey)).status).toBe(404);
    expect((await call(results.GET, "GET", `/api/v1/experiments/${id}/results?phase=7`, adminKey)).status).toBe(404);
    expect([401, 403]).toContain(
      (await call(results.GET, "GET", `/api/v1/experiments/${id}/results`, clientKey)).status,
    );
  });
});

describe("the bandit schedule", () => {
  it("keeps the weights until every arm has 100 units, then moves traffic to the better arm, keeps the history and tells the servers", async () => {
    const { id, control, treatment } = await startedFlag("results-bandit", { bandit: true });
    await enroll(id, control, "b-a", 99, 5);
    await enroll(id, treatment, "b-b", 300, 60);
    expect(await reweighBandit(ws.workspace.id, id)).toBe(false);
    expect(await db.banditUpdate.count({ where: { experimentId: id } })).toBe(0);

    await enroll(id, control, "b-a2", 300, 10);
    const versions: number[] = [];
    const unsubscribe = subscribe("configChanged", "bandit-test", (p) => void versions.push(p.version));
    const before = (await db.workspace.findUniqueOrThrow({ where: { id: ws.workspace.id } })).configVersion;
    expect(await reweighBandit(ws.workspace.id, id)).toBe(true);
    unsubscribe();
    const weights = await db.variation.findMany({ where: { experimentId: id }, orderBy: { position: "asc" } });
    expect(weights[1]!.weight).toBeGreaterThan(weights[0]!.weight);
    expect(weights[0]!.weight).toBeGreaterThanOrEqual(0.01);
    const history = await db.banditUpdate.findMany({ where: { experimentId: id } });
    expect(history).toHaveLength(1);
    expect(history[0]!.units).toEqual([399, 300]);
    expect(history[0]!.chances[1]).toBeGreaterThan(0.99);
    const after = (await db.workspace.findUniqueOrThrow({ where: { id: ws.workspace.id } })).configVersion;
    expect(after).toBe(before + 1);
    expect(versions).toEqual([after]);
    // no phase opened for moving weights
    expect(await db.experimentPhase.count({ where: { experimentId: id } })).toBe(1);

    const read = await call(results.GET, "GET", `/api/v1/experiments/${id}/results?engine=frequentist`, adminKey);
    expect(read.body).toMatchObject({ bandit: true, settings: { engine: "bayesian" }, srm: null });
    expect(read.body.banditSummary.history).toHaveLength(1);
  });
});
