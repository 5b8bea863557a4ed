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
});
