import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/goals/route";
import * as one from "@/app/api/v1/goals/[id]/route";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";

let adminKey: string;
let otherKey: string;
let clientKey: string;
let workspaceId: string;

const call = async (
  handler: (r: Request) => Promise<Response>,
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
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, never> | null };
};

beforeAll(async () => {
  const ws = await createTestWorkspace("Goals API", ["admin"]);
  workspaceId = ws.workspace.id;
  adminKey = await createTestApiKey(workspaceId, "admin");
  clientKey = await createTestApiKey(workspaceId, "client");
  otherKey = await createTestApiKey((await createTestWorkspace("Goals API other", ["admin"])).workspace.id, "admin");
});

afterAll(async () => {
  await closePgPool();
});

describe("the goals admin API", () => {
  it("creates, reads, changes and deletes a goal with the goals page's checks and audit log", async () => {
    const created = await call(collection.POST, "POST", "/api/v1/goals", adminKey, {
      name: "Revenue per visitor",
      eventName: "Order Completed",
      kind: "sum",
      valueProperty: "revenue",
      windowDays: 14,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Revenue per visitor", kind: "sum", windowDays: 14 });
    const id = (created.body as unknown as { id: string }).id;

    const missing = await call(collection.POST, "POST", "/api/v1/goals", adminKey, {
      name: "Sum",
      eventName: "x",
      kind: "sum",
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("valueProperty");

    const patched = await call(one.PATCH, "PATCH", `/api/v1/goals/${id}`, adminKey, { windowDays: 3 });
    expect(patched.body).toMatchObject({ id, windowDays: 3, kind: "sum", valueProperty: "revenue" });
    expect((await call(one.GET, "GET", `/api/v1/goals/${id}`, adminKey)).body).toMatchObject({ windowDays: 3 });
    expect((await call(collection.GET, "GET", "/api/v1/goals", adminKey)).body).toMatchObject({ goals: [{ id }] });

    expect((await call(one.GET, "GET", `/api/v1/goals/${id}`, otherKey)).status).toBe(404);
    expect((await call(one.DELETE, "DELETE", `/api/v1/goals/${id}`, otherKey)).status).toBe(404);
    expect((await call(collection.GET, "GET", "/api/v1/goals", clientKey)).status).toBe(403);

    expect((await call(one.DELETE, "DELETE", `/api/v1/goals/${id}`, adminKey)).status).toBe(204);
    expect(await db.goal.count({ where: { id } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { workspaceId, targetId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorKind])).toEqual([
      ["goal.create", "api_key"],
      ["goal.update", "api_key"],
      ["goal.delete", "api_key"],
    ]);
  });

  it("round-trips a ratio goal with a cap on outliers, and answers each refused field with its path and reason", async () => {
    const created = await call(collection.POST, "POST", "/api/v1/goals", adminKey, {
      name: "Revenue per order",
      eventName: "Order Completed",
      kind: "ratio",
      valueProperty: "revenue",
      capPercentile: 0.99,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: "ratio",
      valueProperty: "revenue",
      capPercentile: 0.99,
      summary:
        "Per event: sum of revenue over the number of Order Completed events, within 7 days of first exposure, each visitor's revenue capped at the 99th percentile",
    });
    const id = (created.body as unknown as { id: string }).id;
    expect(await db.goal.findUniqueOrThrow({ where: { id } })).toMatchObject({ kind: "ratio", capPercentile: 0.99 });
    expect((await call(one.GET, "GET", `/api/v1/goals/${id}`, adminKey)).body).toMatchObject({
      kind: "ratio",
      capPercentile: 0.99,
    });

    const refused = async (body: object, path: string, message: string, method = "POST") => {
      const answer =
        method === "POST"
          ? await call(collection.POST, "POST", "/api/v1/goals", adminKey, body)
          : await call(one.PATCH, "PATCH", `/api/v1/goals/${id}`, adminKey, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: "invalid_body", issues: [{ path, message }] } });
    };
    await refused(
      { name: "Ratio", eventName: "Order Completed", kind: "ratio" },
      "valueProperty",
      "A ratio goal needs the property to add up",
    );
    await refused(
      { name: "Capped purchase", eventName: "Order Completed", kind: "conversion", capPercentile: 0.99 },
      "capPercentile",
      "Only sum and ratio goals can cap outliers (this is a conversion goal)",
    );
    await refused({ capPercentile: 0.5 }, "capPercentile", "Cap at the 90th percentile or above", "PATCH");
    await refused(
      { kind: "count", capPercentile: 0.99 },
      "capPercentile",
      "Only sum and ratio goals can cap outliers (this is a count goal)",
      "PATCH",
    );
    expect(await db.goal.findUniqueOrThrow({ where: { id } })).toMatchObject({ kind: "ratio", capPercentile: 0.99 });

    // another cap, then a change to a kind without a value: its value property and cap go with it
    expect(
      (await call(one.PATCH, "PATCH", `/api/v1/goals/${id}`, adminKey, { capPercentile: 0.995 })).body,
    ).toMatchObject({ kind: "ratio", capPercentile: 0.995 });
    const counted = await call(one.PATCH, "PATCH", `/api/v1/goals/${id}`, adminKey, { kind: "count" });
    expect(counted.status).toBe(200);
    expect(counted.body).toMatchObject({ kind: "count", valueProperty: null, capPercentile: null });
  });

  it("keeps which way is better: higher by default, lower when sent, kept by a PATCH of other fields", async () => {
    const created = await call(collection.POST, "POST", "/api/v1/goals", adminKey, {
      name: "Refund",
      eventName: "Order Refunded",
      lowerIsBetter: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      lowerIsBetter: true,
      summary: "Converted: Order Refunded, within 7 days of first exposure; lower is better",
    });
    const id = (created.body as unknown as { id: string }).id;
    const renamed = await call(one.PATCH, "PATCH", `/api/v1/goals/${id}`, adminKey, { windowDays: 14 });
    expect(renamed.body).toMatchObject({ windowDays: 14, lowerIsBetter: true });
    const flipped = await call(one.PATCH, "PATCH", `/api/v1/goals/${id}`, adminKey, { lowerIsBetter: false });
    expect(flipped.body).toMatchObject({ lowerIsBetter: false });
    const wrong = await call(one.PATCH, "PATCH", `/api/v1/goals/${id}`, adminKey, { lowerIsBetter: "yes" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "invalid_body", issues: [{ path: "lowerIsBetter" }] } });
    const plain = await call(collection.POST, "POST", "/api/v1/goals", adminKey, {
      name: "Signup",
      eventName: "Signed Up",
    });
    expect(plain.body).toMatchObject({ lowerIsBetter: false });
  });
});
