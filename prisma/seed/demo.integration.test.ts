import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashApiKey } from "@/lib/api-keys/secret";
import { verifyCredentials } from "@/lib/auth/credentials";
import { buildSnapshot } from "@/lib/decide/build-snapshot";
import { decide } from "@/lib/decide/decide";
import { loadSnapshotConfig } from "@/lib/decide/db/load-config";
import { loadVisitor } from "@/lib/decide/db/load-visitor";
import { inHoldout } from "@/lib/experiments/assign";
import { loadExperimentResults } from "@/lib/results/db/load-results";
import { resultsQuerySchema } from "@/lib/results/schema";
import { seedDemo } from "./demo";

const writeKey = "wk_integrationWriteKey000000000000";
const clientKey = "ck_integrationClientKey00000000000";
/**
 * The default demo (index.ts: 5,000 profiles, 90 days, seed 42), so that its experiments' results are the ones
 * README.md describes, seeded as of a fixed day so that they are the same on every run. Smaller, the 2 × 2 test's
 * interaction would go undetected most of the time (README.md, "True effects").
 */
const PROFILES = 5_000;
const clock = new Date("2026-05-20T00:00:00.000Z");
const demoOptions = { profiles: PROFILES, days: 90, seed: 42, now: clock };
/** What the results should find on it, in expectation (README.md, "True effects"; experiments.test.ts computes them). */
const EXPECTED = { abPurchaseLift: 0.081, interaction: -0.322 };

describe("seedDemo", () => {
  it("builds the demo workspace once, with hashed keys, consistent rollups and working logins", async () => {
    const databaseUrl = process.env.DATABASE_URL ?? "";
    const first = await seedDemo({ databaseUrl, ...demoOptions, writeKey, clientKey });
    expect(first).toMatchObject({ created: true, workspaceSlug: "demo", writeKey, clientKey });

    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    expect(await db.profile.count({ where: { workspaceId: workspace.id } })).toBe(PROFILES);
    const events = await db.event.count({ where: { workspaceId: workspace.id } });
    expect(events).toBeGreaterThan(PROFILES * 5);
    const rolled = await db.profileDailyRollup.aggregate({
      where: { workspaceId: workspace.id },
      _sum: { count: true },
    });
    expect(rolled._sum.count).toBe(events);

    const keys = await db.apiKey.findMany({ where: { workspaceId: workspace.id }, orderBy: { name: "asc" } });
    expect(keys.map((k) => k.hash).sort()).toEqual([hashApiKey(clientKey), hashApiKey(writeKey)].sort());
    expect(JSON.stringify(keys)).not.toContain(writeKey.slice(3));
    expect(keys.find((k) => k.hash === hashApiKey(clientKey))?.scopes.sort()).toEqual(["decide", "ingest"]);

    const buyers = await db.profile.findMany({ where: { workspaceId: workspace.id, orders: { gt: 0 } } });
    expect(buyers.length).toBeGreaterThan(0);
    const orderEvents = await db.event.count({ where: { workspaceId: workspace.id, name: "Order Completed" } });
    expect(buyers.reduce((n, p) => n + p.orders, 0)).toBe(orderEvents);
    expect(buyers.every((p) => p.rfmRecency! >= 1 && p.rfmRecency! <= 5 && p.rfmMonetary !== null)).toBe(true);
    expect(await db.profile.count({ where: { workspaceId: workspace.id, sessions: 0 } })).toBe(0);

    for (const user of first.users)
      expect(await verifyCredentials({ email: user.email, password: user.password })).not.toBeNull();

    const again = await seedDemo({ databaseUrl, ...demoOptions });
    expect(again.created).toBe(false);
    expect(await db.event.count({ where: { workspaceId: workspace.id } })).toBe(events);
  }, 180_000);

  it("runs three experiments for 30 days whose assignments, exposures and counts agree, and that the live engine continues", async () => {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    const workspaceId = workspace.id;
    expect(workspace.holdoutShare).toBe(0.05);
    const experiments = await db.experiment.findMany({
      where: { workspaceId },
      include: { variations: { orderBy: { position: "asc" } }, phases: true, goals: { include: { goal: true } } },
      orderBy: { key: "asc" },
    });
    expect(experiments.map((e) => [e.key, e.type, e.status])).toEqual([
      ["cart-nudge-aa", "ab", "running"],
      ["home-hero-headline", "ab", "running"],
      ["service-promises", "multivariate", "running"],
    ]);
    for (const e of experiments) {
      expect(e.startedAt?.getTime()).toBe(clock.getTime() - 30 * 86_400_000);
      expect(e.phases.map((p) => [p.index, p.startedAt.getTime(), p.reason])).toEqual([
        [1, e.startedAt!.getTime(), "start"],
      ]);
      const byName = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
      expect(e.goals.map((g) => [g.goal.name, g.role]).sort(byName)).toEqual([
        ["Purchase", "primary"],
        ["Revenue", "secondary"],
        ...(e.key === "home-hero-headline" ? [["Revenue per order", "secondary"]] : []),
      ]);
    }
    const goals = await db.goal.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
    expect(goals.map((g) => [g.name, g.kind, g.eventName, g.valueProperty, g.capPercentile])).toEqual([
      ["Purchase", "conversion", "Order Completed", null, null],
      ["Revenue", "sum", "Order Completed", "revenue", null],
      ["Revenue per order", "ratio", "Order Completed", "revenue", null],
    ]);

    // every assignment is its unit's first exposure to the experiment, in its arm, outside the holdout
    const firsts = await db.$queryRaw<
      { experiment_id: string; variation_id: string; assigned: Date; first: Date | null; other_arms: number }[]
    >`
      WITH units AS (
        SELECT a.experiment_id, a.variation_id, a.unit_id, a.assigned_at, i.profile_id
        FROM assignments a
        JOIN identities i ON i.workspace_id = a.workspace_id AND i.type = 'anonymous_id' AND i.value = a.unit_id
        WHERE a.workspace_id = ${workspaceId}
      ),
      x AS (
        SELECT e.id, e.profile_id, e.anonymous_id, e.occurred_at, u.experiment_id, u.variation_id
        FROM exposures e CROSS JOIN LATERAL unnest(e.experiment_ids, e.variation_ids) AS u(experiment_id, variation_id)
        WHERE e.workspace_id = ${workspaceId}
      ),
      -- a unit's exposures: its profile's or its anonymous id's (two equi-joins, so that they hash at any size)
      seen AS (
        SELECT u.experiment_id, u.unit_id, x.id, x.occurred_at, x.variation_id
        FROM units u JOIN x ON x.experiment_id = u.experiment_id AND x.profile_id = u.profile_id
        UNION
        SELECT u.experiment_id, u.unit_id, x.id, x.occurred_at, x.variation_id
        FROM units u JOIN x ON x.experiment_id = u.experiment_id AND x.anonymous_id = u.unit_id
      )
      SELECT u.experiment_id, u.variation_id, u.assigned_at AS assigned,
             min(s.occurred_at) AS first, count(*) FILTER (WHERE s.variation_id <> u.variation_id)::int AS other_arms
      FROM units u LEFT JOIN seen s ON s.experiment_id = u.experiment_id AND s.unit_id = u.unit_id
      GROUP BY u.experiment_id, u.variation_id, u.unit_id, u.assigned_at`;
    for (const e of experiments) expect(firsts.filter((f) => f.experiment_id === e.id).length).toBeGreaterThan(20);
    for (const f of firsts) {
      expect(f.first?.getTime()).toBe(f.assigned.getTime());
      expect(f.other_arms).toBe(0);
    }
    const units = await db.assignment.findMany({ where: { workspaceId } });
    expect(units.every((u) => u.phase === 1 && !inHoldout(workspaceId, u.unitId, 0.05))).toBe(true);

    // what each first exposure knew of its unit: the device of its user agent, its country, whether it had visited
    const dimensions = await db.$queryRaw<
      { device: string | null; country_matches: boolean; returning: boolean | null }[]
    >`
      SELECT a.device, a.country IS NOT DISTINCT FROM p.traits->>'country' AS country_matches, a."returning"
      FROM assignments a
      JOIN identities i ON i.workspace_id = a.workspace_id AND i.type = 'anonymous_id' AND i.value = a.unit_id
      JOIN profiles p ON p.id = i.profile_id
      WHERE a.workspace_id = ${workspaceId}`;
    expect(dimensions).toHaveLength(units.length);
    expect(new Set(dimensions.map((d) => d.device))).toEqual(new Set(["mobile", "tablet", "desktop"]));
    expect(dimensions.every((d) => d.country_matches)).toBe(true);
    expect(new Set(dimensions.map((d) => d.returning))).toEqual(new Set([true, false]));
    const heldOut = await db.$queryRaw<{ rows: number; named: number }[]>`
      SELECT count(*)::int AS rows, count(*) FILTER (WHERE cardinality(experiment_ids) > 0)::int AS named
      FROM exposures WHERE workspace_id = ${workspaceId} AND holdout`;
    expect(heldOut[0]!.rows).toBeGreaterThan(0);
    expect(heldOut[0]!.named).toBe(0);

    // the day counts add up the exposure log, per variation and per placement
    const perVariation = await db.$queryRaw<{ variation_id: string; logged: number; counted: number }[]>`
      SELECT v.id AS variation_id,
             (SELECT count(*)::int FROM exposures e WHERE e.workspace_id = v.workspace_id AND v.id = ANY (e.variation_ids)) AS logged,
             (SELECT coalesce(sum(c.exposures), 0)::int FROM variation_exposures c WHERE c.variation_id = v.id) AS counted
      FROM variations v WHERE v.workspace_id = ${workspaceId}`;
    expect(perVariation).toHaveLength(8);
    for (const v of perVariation) {
      expect(v.logged).toBeGreaterThan(0);
      expect(v.counted).toBe(v.logged);
    }
    const totals = await db.$queryRaw<{ impressions: number; decisions: number }[]>`
      SELECT (SELECT sum(impressions)::int FROM placement_impressions WHERE workspace_id = ${workspaceId}) AS impressions,
             (SELECT sum(cardinality(placement_ids))::int FROM exposures WHERE workspace_id = ${workspaceId}) AS decisions`;
    expect(totals[0]!.impressions).toBe(totals[0]!.decisions);

    // the live engine, on the seeded configuration, gives sampled units the arm of their stored assignment, with
    // and without it (the hash agrees with the history); each is asked at its first exposure, as the seeder decided
    const config = await loadSnapshotConfig(workspaceId);
    const snapshot = buildSnapshot(config!, clock.getTime());
    const placements = [...snapshot.placements.keys()];
    const checked = new Map<string, number>();
    for (const e of experiments) {
      const sample = await db.assignment.findMany({
        where: { workspaceId, experimentId: e.id },
        orderBy: { unitId: "asc" },
        take: 10,
      });
      for (const a of sample) {
        const now = a.assignedAt.getTime();
        const loaded = await loadVisitor(workspaceId, { anonymousId: a.unitId }, snapshot.historyDays, now);
        expect(loaded.assignments.some((s) => s.experimentId === e.id && s.variationId === a.variationId)).toBe(true);
        // a visitor's very first decision comes before its first event: no profile existed yet
        const beforeProfile = await db.exposure.count({
          where: { workspaceId, anonymousId: a.unitId, profileId: null, occurredAt: a.assignedAt },
        });
        const visitor = beforeProfile ? { ...loaded, profileId: null, profile: null } : loaded;
        for (const assignments of [visitor.assignments, []]) {
          const answer = decide(
            snapshot,
            { ...visitor, assignments },
            { placements, ids: { anonymousId: a.unitId }, context: {}, now },
          );
          const got = answer.experiments[e.key];
          if (!got) continue; // another experience wins for this visitor now (its segments are today's)
          expect(got).toMatchObject({ variationId: a.variationId, inExperiment: true });
          checked.set(e.key, (checked.get(e.key) ?? 0) + 1);
        }
      }
    }
    for (const e of experiments) expect(checked.get(e.key), e.key).toBeGreaterThanOrEqual(6);
  });

  it("reads the default demo's experiments as README.md says: the A/B test's lift, no difference in the A/A test, the 2 × 2 test's interaction", async () => {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    const results = async (key: string) => {
      const e = await db.experiment.findFirstOrThrow({ where: { workspaceId: workspace.id, key } });
      // what the results page computes for its default settings (frequentist, Holm, α 0.05)
      return (await loadExperimentResults(workspace.id, e.id, resultsQuerySchema.parse({}), clock))!;
    };
    const purchase = (r: Awaited<ReturnType<typeof results>>) => r.metrics.find((m) => m.name === "Purchase")!;
    const effectOf = (r: Awaited<ReturnType<typeof results>>, key: string) => {
      const effect = purchase(r).arms.find((a) => a.key === key)!.effect;
      if (!effect?.computable) throw new Error(`${r.key}/${key}: no effect`);
      return effect;
    };

    // the A/B test: its Purchase lift's interval holds the expected lift
    const ab = effectOf(await results("home-hero-headline"), "free-shipping");
    expect(ab.interval[0]).toBeLessThan(EXPECTED.abPurchaseLift);
    expect(ab.interval[1]).toBeGreaterThan(EXPECTED.abPurchaseLift);

    // the A/A test: no detectable difference
    const aa = await results("cart-nudge-aa");
    expect(effectOf(aa, "b").significant).toBe(false);
    expect(aa.recommendation.text).toMatch(/no detectable difference/i);

    // the 2 × 2 test: its bar × pdp interaction on Purchase significant, its interval below 0 and holding the expected one
    const factorial = (await results("service-promises")).factorial!;
    expect(factorial.metric).toBe("Purchase");
    const interaction = factorial.effects.find((e) => e.kind === "interaction")!;
    expect(interaction.pValue).toBeLessThan(0.05);
    expect(interaction.significant).toBe(true);
    expect(interaction.interval[1]).toBeLessThan(0);
    expect(interaction.interval[0]).toBeLessThan(EXPECTED.interaction);
    expect(interaction.interval[1]).toBeGreaterThan(EXPECTED.interaction);
  });
});
