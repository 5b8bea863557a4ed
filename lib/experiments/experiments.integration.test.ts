import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as decideRoute } from "@/app/api/v1/decide/route";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { saveExperienceDef } from "@/lib/content/actions/save-experience";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { flushExposures } from "@/lib/decide/runtime/exposure-buffer";
import { serveDecision } from "@/lib/decide/runtime/serve-decision";
import { getSnapshot, stopConfigListener } from "@/lib/decide/runtime/snapshot-store";
import { handleBatch } from "@/lib/events/runtime/handlers";
import { startDecisionServer, type RunningDecisionServer } from "@/scripts/test/decision-server";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";
import { createHeroForPros } from "@/scripts/test/hero-fixture";
import { chooseArm, inHoldout } from "./assign";
import { previewLinkDef } from "./actions/preview-link";
import { saveExperimentDef } from "./actions/save-experiment";
import { setHoldoutDef } from "./actions/set-holdout";
import { stepExperimentDef } from "./actions/step-experiment";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let editor: string;
let clientKey: string;
let abId: string;
let flagId: string;
let everyoneVariantId: string;
let server: RunningDecisionServer;

const act = async <T>(def: Parameters<typeof runWorkspaceAction>[0], input: object, who = editor): Promise<T> => {
  const result = await runWorkspaceAction(def, who, { workspaceId: ws.workspace.id, ...input });
  if (!result.ok) throw new Error(`${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`);
  return result.data as T;
};

const decideAt = (body: object, now: number) =>
  serveDecision(ws.workspace.id, { placements: [], context: {}, ...body }, { now });

const armOf = (key: string, weights: number[], id: string) => {
  const choice = chooseArm({ key, coverage: 1, weights }, id);
  return choice.enrolled ? choice.variation : -1;
};
/** A unit id whose hash puts it in the given arm of an experiment with these weights (and passes `also`), found by trying. */
function unitIn(key: string, arm: number, weights: number[], prefix: string, also = (_id: string) => true): string {
  for (let i = 0; ; i++) {
    const id = `${prefix}-${i}`;
    if (armOf(key, weights, id) === arm && also(id)) return id;
  }
}

/** Waits until this process decides with the workspace's current configuration (a change reloads it in the background). */
async function fresh(): Promise<void> {
  const { configVersion } = await db.workspace.findUniqueOrThrow({ where: { id: ws.workspace.id } });
  for (let i = 0; i < 200; i++) {
    if (((await getSnapshot(ws.workspace.id))?.version ?? 0) >= configVersion) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the snapshot did not follow the change");
}

const assignmentsOf = (experimentId: string, unitId: string) =>
  db.assignment.findMany({ where: { workspaceId: ws.workspace.id, experimentId, unitId } });

beforeAll(async () => {
  ws = await createTestWorkspace("Experiments", ["admin", "editor", "viewer"]);
  clientKey = await createTestApiKey(ws.workspace.id, "client");
  await db.workspace.update({
    where: { id: ws.workspace.id },
    data: { requireSignedUserIds: false, apiRateLimit: 1_000_000 },
  });
  const hero = await createHeroForPros(ws);
  editor = hero.editor;
  // an experience everyone matches, split by an A/B test: the placement's default (control) against its content
  const everyone = await act<{ experienceId: string }>(saveExperienceDef, {
    placementId: hero.placementId,
    name: "Everyone",
    target: { kind: "rule", rule: { type: "group", id: "r", combinator: "and", children: [] } },
    status: "live",
    schedule: { timeZone: "UTC" },
    body: "<h1>Hello everyone</h1>",
  });
  const variant = await db.variant.findFirstOrThrow({ where: { experienceId: everyone.experienceId } });
  everyoneVariantId = variant.id;
  // the pros' experience comes first; move it out of the way so that everyone sees the split experience
  await db.experience.updateMany({ where: { id: hero.experienceId }, data: { status: "paused" } });
  ({ experimentId: abId } = await act<{ experimentId: string }>(saveExperimentDef, {
    key: "hero-ab",
    name: "Hero A/B",
    type: "ab",
    experienceId: everyone.experienceId,
    variations: [
      { key: "control", name: "Default", variantId: null },
      { key: "hello", name: "Hello everyone", variantId: variant.id },
    ],
  }));
  ({ experimentId: flagId } = await act<{ experimentId: string }>(saveExperimentDef, {
    key: "checkout-steps",
    name: "Checkout steps",
    type: "flag",
    unitType: "user_id",
    variations: [
      { key: "three", name: "Three steps", value: { steps: 3 } },
      { key: "one", name: "One step", value: { steps: 1 } },
    ],
  }));
  await act(stepExperimentDef, { experimentId: abId, step: "start" });
  await act(stepExperimentDef, { experimentId: flagId, step: "start" });
});

afterAll(async () => {
  await server?.stop();
  await stopConfigListener();
  await closePgPool();
});

describe("experiments in decisions", () => {
  it("serves each unit its arm and stores one assignment per unit, at its first exposure", async () => {
    const t0 = Date.parse("2026-12-01T10:00:00Z");
    const treated = unitIn("hero-ab", 1, [0.5, 0.5], "t");
    const control = unitIn("hero-ab", 0, [0.5, 0.5], "c");
    for (const [offset, unit] of [
      [1_000, treated],
      [0, treated],
      [2_000, treated],
      [0, control],
    ] as const) {
      const served = await decideAt(
        {
          anonymousId: unit,
          newVisitor: true,
          placements: ["home-hero"],
          context: {
            country: "CH",
            userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
          },
        },
        t0 + offset,
      );
      const arm = unit === treated ? "hello" : "control";
      expect(served.experiments["hero-ab"]).toMatchObject({ variation: arm, inExperiment: true });
      expect(served.decisions["home-hero"]).toMatchObject({
        reason: "experiment",
        experimentId: abId,
        content: arm === "hello" ? "<h1>Hello everyone</h1>" : "<h1>Welcome</h1>",
      });
    }
    await flushExposures();
    const stored = await assignmentsOf(abId, treated);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.assignedAt.getTime()).toBe(t0);
    expect(stored[0]!.phase).toBe(1);
    // what the first exposure's request said of the unit, for the results' breakdown
    expect(stored[0]).toMatchObject({ device: "mobile", country: "CH", returning: false });
    const variations = await db.variation.findMany({ where: { experimentId: abId }, orderBy: { position: "asc" } });
    expect(stored[0]!.variationId).toBe(variations[1]!.id);
    const counts = await db.variationExposure.findMany({ where: { experimentId: abId } });
    expect(counts.find((c) => c.variationId === variations[1]!.id)?.exposures).toBe(3n);
    expect(counts.find((c) => c.variationId === variations[0]!.id)?.exposures).toBe(1n);
    const rows = await db.exposure.findMany({ where: { workspaceId: ws.workspace.id, anonymousId: treated } });
    expect(rows.every((r) => r.experimentIds[0] === abId && r.variationIds[0] === variations[1]!.id)).toBe(true);
  });

  it("keeps a unit's arm when the weights change, and starts a new phase", async () => {
    const unit = unitIn("hero-ab", 1, [0.5, 0.5], "sticky", (id) => armOf("hero-ab", [0.99, 0.01], id) === 0);
    await decideAt({ anonymousId: unit, newVisitor: true, placements: ["home-hero"] }, Date.now());
    await flushExposures();
    const changed = await act<{ newPhase: string | null }>(saveExperimentDef, {
      experimentId: abId,
      key: "hero-ab",
      name: "Hero A/B",
      type: "ab",
      experienceId: (await db.experiment.findUniqueOrThrow({ where: { id: abId } })).experienceId,
      variations: [
        { key: "control", name: "Default", variantId: null, weight: 99 },
        { key: "hello", name: "Hello everyone", variantId: everyoneVariantId, weight: 1 },
      ],
    });
    expect(changed.newPhase).toBe("weights");
    await fresh();
    expect(await db.experimentPhase.count({ where: { experimentId: abId } })).toBe(2);
    // the hash alone would now put this unit in the control: its stored arm wins
    const again = await decideAt({ anonymousId: unit, placements: ["home-hero"] }, Date.now());
    expect(again.experiments["hero-ab"]).toMatchObject({ variation: "hello", inExperiment: true });
  });

  it("keeps a visitor's arm when they sign in (user-id experiments find the anonymous id's assignment), and a merge keeps the earliest", async () => {
    const weights = [0.5, 0.5];
    const anonymous = unitIn("checkout-steps", 1, weights, "guest");
    const userId = unitIn("checkout-steps", 0, weights, "member");
    const before = await decideAt({ anonymousId: anonymous, experiments: ["checkout-steps"] }, Date.now() - 60_000);
    expect(before.experiments["checkout-steps"]).toMatchObject({ variation: "one", value: { steps: 1 } });
    await flushExposures();
    await handleBatch(
      { ...ws.workspace, storePlainPii: true },
      { batch: [{ type: "identify", userId, anonymousId: anonymous }] },
    );
    const after = await decideAt({ anonymousId: anonymous, userId, experiments: ["checkout-steps"] }, Date.now());
    expect(after.experiments["checkout-steps"]).toMatchObject({ variation: "one", inExperiment: true });
    // the user signs in on another device whose own earlier assignment is older: the merge keeps the earliest
    const other = unitIn("checkout-steps", 0, weights, "device");
    await decideAt({ anonymousId: other, experiments: ["checkout-steps"] }, Date.now() - 3_600_000);
    await flushExposures();
    await handleBatch(
      { ...ws.workspace, storePlainPii: true },
      { batch: [{ type: "identify", userId, anonymousId: other }] },
    );
    const merged = await decideAt({ userId, anonymousId: anonymous, experiments: ["checkout-steps"] }, Date.now() + 1);
    expect(merged.experiments["checkout-steps"]).toMatchObject({ variation: "three" });
  });

  it("serves the holdout defaults everywhere, enrolls none of it, and records its exposures as holdout", async () => {
    await act(setHoldoutDef, { share: 0.3 }, ws.member("admin").userId);
    await fresh();
    try {
      let held = 0;
      for (let i = 0; i < 200; i++) {
        const unit = `holdout-probe-${i}`;
        const served = await decideAt(
          { anonymousId: unit, newVisitor: true, placements: ["home-hero"], experiments: ["checkout-steps"] },
          Date.now(),
        );
        if (inHoldout(ws.workspace.id, unit, 0.3)) {
          held += 1;
          expect(served.decisions["home-hero"]).toMatchObject({ reason: "holdout", content: "<h1>Welcome</h1>" });
          expect(served.experiments["checkout-steps"]).toMatchObject({ inExperiment: false, variation: "three" });
          expect(served.experiments["hero-ab"]).toBeUndefined();
        } else expect(served.decisions["home-hero"]!.reason).toBe("experiment");
      }
      expect(held).toBeGreaterThan(30);
      await flushExposures();
      const rows = await db.exposure.findMany({
        where: { workspaceId: ws.workspace.id, anonymousId: { startsWith: "holdout-probe-" } },
      });
      for (const row of rows) expect(row.holdout).toBe(inHoldout(ws.workspace.id, row.anonymousId!, 0.3));
      const enrolled = await db.assignment.findMany({
        where: { workspaceId: ws.workspace.id, unitId: { startsWith: "holdout-probe-" } },
      });
      expect(enrolled.some((a) => inHoldout(ws.workspace.id, a.unitId, 0.3))).toBe(false);
    } finally {
      await act(setHoldoutDef, { share: 0 }, ws.member("admin").userId);
      await fresh();
    }
  });

  it("the app and the decision server give the same arm to 10,000 random units, and both follow a pause within a second", async () => {
    await fresh();
    server = await startDecisionServer(process.env.DATABASE_URL!);
    const ask = async (via: "app" | "server", anonymousId: string) => {
      const body = JSON.stringify({
        anonymousId,
        newVisitor: true,
        placements: ["home-hero"],
        experiments: ["checkout-steps"],
      });
      const headers = { authorization: `Bearer ${clientKey}`, "content-type": "application/json" };
      const response =
        via === "app"
          ? await decideRoute(new Request("http://localhost/api/v1/decide", { method: "POST", headers, body }))
          : await fetch(`${server.url}/v1/decide`, { method: "POST", headers, body });
      expect(response.status).toBe(200);
      const json = (await response.json()) as {
        experiments: Record<string, { variation: string; inExperiment: boolean }>;
      };
      return `${json.experiments["hero-ab"]?.variation}/${json.experiments["checkout-steps"]?.variation}`;
    };
    const units = Array.from({ length: 10_000 }, (_, i) => `parity-${i}-${Math.random().toString(36).slice(2)}`);
    const arms = new Map<string, number>();
    for (let i = 0; i < units.length; i += 50) {
      const slice = units.slice(i, i + 50);
      const [app, remote] = await Promise.all([
        Promise.all(slice.map((u) => ask("app", u))),
        Promise.all(slice.map((u) => ask("server", u))),
      ]);
      expect(remote).toEqual(app);
      for (const a of app) arms.set(a, (arms.get(a) ?? 0) + 1);
    }
    expect(arms.size).toBeGreaterThanOrEqual(4); // both experiments' arms, in every combination

    await act(stepExperimentDef, { experimentId: flagId, step: "pause" });
    const paused = Date.now();
    const probe = unitIn("checkout-steps", 1, [0.5, 0.5], "pause-probe");
    for (const via of ["app", "server"] as const) {
      let answer = "";
      while (Date.now() - paused < 1_000) {
        answer = await ask(via, probe);
        if (answer.endsWith("/three")) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(answer.endsWith("/three"), `${via} serves the control within a second of the pause`).toBe(true);
    }
    await act(stepExperimentDef, { experimentId: flagId, step: "resume" });
  }, 180_000);

  it("shows a preview link's variation to whoever holds it, records nothing, and ignores forged or foreign tokens", async () => {
    const link = await runWorkspaceAction(previewLinkDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      experimentId: abId,
      variationId: (await db.variation.findFirstOrThrow({ where: { experimentId: abId, key: "control" } })).id,
      url: "https://shop.example/?ref=mail",
    });
    if (!link.ok) throw new Error(link.error.message);
    const url = new URL(link.data.url);
    expect(url.searchParams.get("ref")).toBe("mail");
    const token = url.searchParams.get("pz_preview")!;
    const unit = unitIn("hero-ab", 1, [0.99, 0.01], "preview"); // would get the treatment
    const ask = async (preview: string) => {
      const response = await decideRoute(
        new Request("http://localhost/api/v1/decide", {
          method: "POST",
          headers: { authorization: `Bearer ${clientKey}` },
          body: JSON.stringify({ anonymousId: unit, placements: ["home-hero"], preview }),
        }),
      );
      return (await response.json()) as {
        decisions: Record<string, { content: string }>;
        experiments: Record<string, { variation: string }>;
      };
    };
    const previewed = await ask(token);
    expect(previewed.decisions["home-hero"]!.content).toBe("<h1>Welcome</h1>");
    expect(previewed.experiments["hero-ab"]).toMatchObject({ variation: "control", inExperiment: false });
    await flushExposures();
    expect(await db.exposure.count({ where: { workspaceId: ws.workspace.id, anonymousId: unit } })).toBe(0);
    expect(await assignmentsOf(abId, unit)).toEqual([]);
    const forged = `${token.split(".")[0]}.${"A".repeat(43)}`;
    expect((await ask(forged)).experiments["hero-ab"]).toMatchObject({ variation: "hello", inExperiment: true });
  });

  it("refuses to start a second test of the same content, and a viewer cannot change experiments", async () => {
    const experienceId = (await db.experiment.findUniqueOrThrow({ where: { id: abId } })).experienceId;
    const { experimentId } = await act<{ experimentId: string }>(saveExperimentDef, {
      key: "hero-ab-2",
      name: "Hero again",
      type: "ab",
      experienceId,
      variations: [
        { key: "a", name: "A", variantId: null },
        { key: "b", name: "B", variantId: everyoneVariantId },
      ],
    });
    const refused = await runWorkspaceAction(stepExperimentDef, editor, {
      workspaceId: ws.workspace.id,
      experimentId,
      step: "start",
    });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining("Hero A/B") } });
    const viewer = await runWorkspaceAction(stepExperimentDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      experimentId: abId,
      step: "pause",
    });
    expect(viewer).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const other = await createTestWorkspace("Other experiments", ["editor"]);
    const foreign = await runWorkspaceAction(stepExperimentDef, other.member("editor").userId, {
      workspaceId: other.workspace.id,
      experimentId: abId,
      step: "pause",
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: "not_found" } });
    const audit = await db.auditLog.findMany({ where: { workspaceId: ws.workspace.id, targetId: abId } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["experiment.create", "experiment.start", "experiment.update"]),
    );
  });
});
