import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { createHeroForPros } from "@/scripts/test/hero-fixture";
import { DAY_MS } from "@/lib/time";
import { saveExperimentDef } from "../actions/save-experiment";
import { stepExperimentDef } from "../actions/step-experiment";
import { getExperimentDetail } from "./get-experiment-detail";
import { getExperimentStats } from "./get-experiment-stats";
import { getRecentTraffic, TRAFFIC_DAYS } from "./get-recent-traffic";
import { getWizardOptions } from "./get-wizard-options";
import { listExperiments } from "./list-experiments";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let other: Fixture;
let experimentId: string;
let placementId: string;
let variations: { id: string; key: string }[];

const act = async <T>(def: Parameters<typeof runWorkspaceAction>[0], input: object): Promise<T> => {
  const result = await runWorkspaceAction(def, ws.member("editor").userId, { workspaceId: ws.workspace.id, ...input });
  if (!result.ok) throw new Error(`${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`);
  return result.data as T;
};
const day = (daysAgo: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - daysAgo * DAY_MS);

beforeAll(async () => {
  ws = await createTestWorkspace("Reads");
  other = await createTestWorkspace("Other reads");
  const hero = await createHeroForPros(ws);
  placementId = hero.placementId;
  const variantId = (await db.variant.findFirstOrThrow({ where: { experienceId: hero.experienceId } })).id;
  ({ experimentId } = await act<{ experimentId: string }>(saveExperimentDef, {
    key: "hero-reads",
    name: "Hero reads",
    type: "ab",
    experienceId: hero.experienceId,
    variations: [
      { key: "control", name: "Control", variantId: null },
      { key: "pro", name: "Pro", variantId },
    ],
    goals: [{ goalId: (await purchaseGoal()).id, role: "primary" }],
  }));
  await act(stepExperimentDef, { experimentId, step: "start" });
  variations = await db.variation.findMany({ where: { experimentId }, orderBy: { position: "asc" } });
  const [control, pro] = variations.map((v) => v.id) as [string, string];
  const w = ws.workspace.id;
  // three units in phase 1 (two control, one pro), one older unit in a phase 0 that no longer counts as current
  await db.assignment.createMany({
    data: [
      { workspaceId: w, experimentId, unitId: "u1", phase: 1, variationId: control },
      { workspaceId: w, experimentId, unitId: "u2", phase: 1, variationId: control },
      { workspaceId: w, experimentId, unitId: "u3", phase: 1, variationId: pro },
      { workspaceId: w, experimentId, unitId: "u0", phase: 0, variationId: pro },
    ],
  });
  await db.variationExposure.createMany({
    data: [
      { workspaceId: w, experimentId, variationId: control, day: day(1), exposures: 5n },
      { workspaceId: w, experimentId, variationId: control, day: day(0), exposures: 2n },
      { workspaceId: w, experimentId, variationId: pro, day: day(0), exposures: 4n },
    ],
  });
});

afterAll(async () => {
  await closePgPool();
});

async function purchaseGoal() {
  return db.goal.create({ data: { workspaceId: ws.workspace.id, name: "Purchase", eventName: "Order Completed" } });
}

describe("the experiment page's reads", () => {
  it("count units per variation in the current phase and in all, exposures per variation and per day", async () => {
    const stats = await getExperimentStats(ws.workspace.id, experimentId);
    expect(stats).toMatchObject({
      status: "running",
      phase: 1,
      holdoutExposures: 0,
      variations: [
        { id: variations[0]!.id, units: 2, unitsAll: 2, exposures: 7 },
        { id: variations[1]!.id, units: 1, unitsAll: 2, exposures: 4 },
      ],
    });
    expect(stats!.daily).toEqual([
      { day: day(1).toISOString().slice(0, 10), byVariation: { [variations[0]!.id]: 5 } },
      {
        day: day(0).toISOString().slice(0, 10),
        byVariation: { [variations[0]!.id]: 2, [variations[1]!.id]: 4 },
      },
    ]);
  });

  it("show the design with names, phase 1 and the goal's role", async () => {
    const detail = await getExperimentDetail(ws.workspace.id, experimentId);
    expect(detail).toMatchObject({
      status: "running",
      experience: { name: "Pros" },
      placement: { key: "home-hero" },
      targeting: { segment: null, rule: null },
      phases: [{ index: 1, reason: "start", endedAt: null }],
      goals: [{ name: "Purchase", role: "primary" }],
    });
    expect(detail!.variations.map((v) => [v.key, v.variant?.name ?? null])).toEqual([
      ["control", null],
      ["pro", "Pros"],
    ]);
    const [row] = await listExperiments(ws.workspace.id);
    expect(row).toMatchObject({ id: experimentId, variations: 2, units: 4 });
  });

  it("give the wizard the placement's experience and variants", async () => {
    const options = await getWizardOptions(ws.workspace.id);
    const hero = options.placements.find((p) => p.id === placementId)!;
    expect(hero.experiences.map((x) => x.name)).toEqual(["Pros"]);
    expect(hero.contents).toHaveLength(1);
    expect(options.goals.map((g) => g.name)).toEqual(["Purchase"]);
  });

  it("measure the last full days' visitors, impressions and each goal's baseline", async () => {
    const profiles = await db.profile.findMany({ where: { workspaceId: ws.workspace.id }, select: { id: true } });
    expect(profiles.length).toBe(2);
    const w = ws.workspace.id;
    await db.profileDailyRollup.createMany({
      data: [
        { workspaceId: w, profileId: profiles[0]!.id, day: day(2), eventName: "Page Viewed", count: 3 },
        { workspaceId: w, profileId: profiles[0]!.id, day: day(2), eventName: "Order Completed", count: 1 },
        { workspaceId: w, profileId: profiles[1]!.id, day: day(3), eventName: "Page Viewed", count: 1 },
        // today and before the window do not count
        { workspaceId: w, profileId: profiles[1]!.id, day: day(0), eventName: "Order Completed", count: 1 },
        {
          workspaceId: w,
          profileId: profiles[1]!.id,
          day: day(TRAFFIC_DAYS + 1),
          eventName: "Order Completed",
          count: 1,
        },
      ],
      skipDuplicates: true,
    });
    await db.placementImpression.create({
      data: { workspaceId: w, placementId, variantId: "v", day: day(1), impressions: 28n },
    });
    const goal = await db.goal.findFirstOrThrow({ where: { workspaceId: w } });
    const traffic = await getRecentTraffic(w, [goal]);
    expect(traffic).toMatchObject({
      days: TRAFFIC_DAYS,
      visitorsPerDay: 2 / TRAFFIC_DAYS,
      impressionsPerDay: { [placementId]: 28 / TRAFFIC_DAYS },
      goalRates: { [goal.id]: { converters: 1, rate: 0.5 } },
    });
  });

  it("answer nothing for another workspace", async () => {
    expect(await getExperimentStats(other.workspace.id, experimentId)).toBeNull();
    expect(await getExperimentDetail(other.workspace.id, experimentId)).toBeNull();
    expect(await listExperiments(other.workspace.id)).toEqual([]);
    const traffic = await getRecentTraffic(other.workspace.id, []);
    expect(traffic).toMatchObject({ visitorsPerDay: 0, impressionsPerDay: {} });
  });
});
