import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/experiments/route";
import * as one from "@/app/api/v1/experiments/[id]/route";
import * as step from "@/app/api/v1/experiments/[id]/[step]/route";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { stopConfigListener } from "@/lib/decide/runtime/snapshot-store";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";
import { createHeroForPros } from "@/scripts/test/hero-fixture";

let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
let adminKey: string;
let clientKey: string;
let otherAdminKey: string;
let experienceId: string;

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

beforeAll(async () => {
  ws = await createTestWorkspace("Admin API", ["admin", "editor"]);
  adminKey = await createTestApiKey(ws.workspace.id, "admin");
  clientKey = await createTestApiKey(ws.workspace.id, "client");
  const other = await createTestWorkspace("Admin API other", ["admin"]);
  otherAdminKey = await createTestApiKey(other.workspace.id, "admin");
  ({ experienceId } = await createHeroForPros(ws));
});

afterAll(async () => {
  await stopConfigListener();
  await closePgPool();
});

describe("the experiments admin API", () => {
  it("creates, reads, changes, starts and stops an experiment with the dashboard's checks and audit log", async () => {
    const variant = await db.variant.findFirstOrThrow({ where: { experienceId } });
    const created = await call(collection.POST, "POST", "/api/v1/experiments", adminKey, {
      key: "pros-hero",
      name: "Pros hero",
      type: "ab",
      experienceId,
      variations: [
        { key: "control", name: "Default", variantId: null },
        { key: "personal", name: "Personal", variantId: variant.id },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: "pros-hero",
      status: "draft",
      variations: [{ key: "control", control: true }, { key: "personal" }],
    });
    const id = created.body.id as string;

    const bad = await call(collection.POST, "POST", "/api/v1/experiments", adminKey, {
      key: "Not A Key",
      name: "",
      type: "ab",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_body");
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["key", "name"]));

    const duplicate = await call(collection.POST, "POST", "/api/v1/experiments", adminKey, {
      ...created.body,
      variations: [
        { key: "a", name: "A", variantId: null },
        { key: "b", name: "B", variantId: variant.id },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.issues).toEqual([{ path: "key", message: "Another experiment has this key" }]);

    const started = await call(step.POST, "POST", `/api/v1/experiments/${id}/start`, adminKey);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: "running", phases: [{ index: 1, reason: "start" }] });

    const patched = await call(one.PATCH, "PATCH", `/api/v1/experiments/${id}`, adminKey, {
      variations: [
        { key: "control", name: "Default", variantId: null, weight: 1 },
        { key: "personal", name: "Personal", variantId: variant.id, weight: 3 },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.phases.map((p: { reason: string }) => p.reason)).toEqual(["start", "weights"]);

    const redesign = await call(one.PATCH, "PATCH", `/api/v1/experiments/${id}`, adminKey, {
      variations: [
        { key: "control", name: "Default", variantId: null },
        { key: "other", name: "Other", variantId: null },
      ],
    });
    expect(redesign.status).toBe(400);
    expect(redesign.body.error.issues[0].path).toBe("variations");

    const badWinner = await call(step.POST, "POST", `/api/v1/experiments/${id}/stop`, adminKey, { winner: "nope" });
    expect(badWinner.status).toBe(400);
    const stopped = await call(step.POST, "POST", `/api/v1/experiments/${id}/stop`, adminKey, { winner: "personal" });
    expect(stopped.body).toMatchObject({ status: "stopped", winnerVariationId: stopped.body.variations[1].id });
    expect((await call(step.POST, "POST", `/api/v1/experiments/${id}/start`, adminKey)).status).toBe(400);
    expect((await call(step.POST, "POST", `/api/v1/experiments/${id}/explode`, adminKey)).status).toBe(404);

    const listed = await call(collection.GET, "GET", "/api/v1/experiments?status=stopped", adminKey);
    expect(listed.body.experiments.map((e: { id: string }) => e.id)).toEqual([id]);
    const read = await call(one.GET, "GET", `/api/v1/experiments/${id}`, adminKey);
    expect(read.body).toMatchObject({ id, status: "stopped" });

    const audit = await db.auditLog.findMany({
      where: { workspaceId: ws.workspace.id, targetId: id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "experiment.create",
      "experiment.start",
      "experiment.update",
      "experiment.stop",
    ]);
    expect(audit.every((a) => a.actorKind === "api_key")).toBe(true);
  });

  it("adds new content for an arm to the experience, refusing content that does not compile", async () => {
    const made = await call(collection.POST, "POST", "/api/v1/experiments", adminKey, {
      key: "new-copy",
      name: "New copy",
      type: "ab",
      experienceId,
      variations: [
        { key: "control", name: "Default", variantId: null },
        { key: "bold", name: "Bold", body: "<h1>Big news, {{ first_name | default: 'friend' }}</h1>" },
      ],
    });
    expect(made.status).toBe(201);
    const variant = await db.variant.findUniqueOrThrow({ where: { id: made.body.variations[1].variantId } });
    expect(variant).toMatchObject({ experienceId, name: "Bold" });
    const broken = await call(collection.POST, "POST", "/api/v1/experiments", adminKey, {
      key: "broken-copy",
      name: "Broken",
      type: "ab",
      experienceId,
      variations: [
        { key: "control", name: "Default", variantId: null },
        { key: "bad", name: "Bad", body: "<h1>{{ first_name </h1>" },
      ],
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.issues[0].path).toBe("variations.1.body");
    expect(await db.experiment.count({ where: { workspaceId: ws.workspace.id, key: "broken-copy" } })).toBe(0);
  });

  it("answers only admin keys of the experiment's own workspace", async () => {
    const [existing] = await db.experiment.findMany({ where: { workspaceId: ws.workspace.id } });
    expect((await call(collection.GET, "GET", "/api/v1/experiments", clientKey)).status).toBe(403);
    expect((await call(one.GET, "GET", `/api/v1/experiments/${existing!.id}`, otherAdminKey)).status).toBe(404);
    expect((await call(step.POST, "POST", `/api/v1/experiments/${existing!.id}/archive`, otherAdminKey)).status).toBe(
      404,
    );
    expect((await call(collection.GET, "GET", "/api/v1/experiments?limit=0", adminKey)).status).toBe(400);
  });
});
