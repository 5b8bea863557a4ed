import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { ingestEvents } from "@/lib/events/runtime/ingest";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { seedDemo } from "@/prisma/seed/demo";
import { createFreshDatabase } from "@/scripts/lib/database";
import { BREAKDOWN_DIMENSIONS } from "./breakdown";
import { breakdownCounts } from "./db/breakdown-counts";
import { CLICK_EVENT } from "./content";
import { contentCounts } from "./db/content-counts";
import { funnelCounts } from "./db/funnel-counts";
import { funnelInputSchema } from "./funnel";
import { loadOverview } from "./db/load-overview";
import { periodCounts, type SpanCounts } from "./db/period-counts";
import { rollupBreakdownCounts } from "./db/rollup-breakdown-counts";
import { rollupContentCounts } from "./db/rollup-content-counts";
import { holdoutGroups } from "./db/holdout-groups";
import { rollupHoldoutGroups } from "./db/rollup-holdout-groups";
import { rollUpPass } from "./db/rollup-pass";
import { rollupPeriodCounts } from "./db/rollup-period-counts";
import { rebuildRollup } from "./db/rollup-rebuild";
import { workspaceRange } from "./db/workspace-range";
import { addDays, type DaySpan } from "./range";
import { ROLLUP_LOOKBACK_MS } from "./rollup-marks";
import { refreshAllRollups } from "./runtime/rollup-job";

/**
 * The rollup (visitor-days) against the raw-event statements that answer the same questions (periodCounts,
 * breakdownCounts, kept as the reference and as the reads while a rollup is not ready), on the demo data in a
 * database of its own: after a rebuild, after new events (late ones, an order, a sign-in), after a merge of
 * two profiles with past events, and after a change of the workspace's time zone.
 */
const CLOCK = new Date("2026-11-20T00:00:00.000Z");
const LAST = addDays(CLOCK.toISOString().slice(0, 10), -1);
const span = (from: number, to: number): DaySpan => ({
  from: addDays(LAST, from),
  to: addDays(LAST, to),
  days: to - from + 1,
});
const SPANS: DaySpan[] = [span(-29, 0), span(-59, -30), span(-6, 0), span(-3, -3), span(-120, 1)];

let database: { url: string; drop(): Promise<void> };
let workspace: { id: string; identitySalt: string };
let segmentIds: string[];

beforeAll(async () => {
  database = await createFreshDatabase(inject("databaseUrl"), "rollups");
  await disconnectDb();
  await closePgPool();
  process.env.DATABASE_URL = database.url;
  await migrateDatabase(database.url);
  await seedDemo({ databaseUrl: database.url, profiles: 300, days: 60, seed: 7, now: CLOCK });
  workspace = (
    await pgPool().query<{ id: string; identitySalt: string }>(
      `SELECT id, identity_salt AS "identitySalt" FROM workspaces WHERE slug = 'demo'`,
    )
  ).rows[0]!;
  // the seeder computes memberships as of the real clock: members all along here, so that past spans have some
  await pgPool().query(`UPDATE segment_memberships SET entered_at = '2026-01-01' WHERE workspace_id = $1`, [
    workspace.id,
  ]);
  segmentIds = (
    await pgPool().query<{ id: string }>(
      `SELECT s.id FROM segments s JOIN segment_memberships m ON m.segment_id = s.id
       WHERE s.workspace_id = $1 GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 3`,
      [workspace.id],
    )
  ).rows.map((r) => r.id);
}, 240_000);

afterAll(async () => {
  await disconnectDb();
  await closePgPool();
  await database?.drop();
});

const plain = (counts: SpanCounts[]) =>
  counts.map((c) => ({ total: c.total, daily: [...c.daily.entries()].sort(([a], [b]) => a.localeCompare(b)) }));
const sorted = <T extends { value: string }>(rows: T[]) => [...rows].sort((a, b) => a.value.localeCompare(b.value));
const byVariant = <T extends { variantId: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.variantId.localeCompare(b.variantId));

const FUNNELS = [
  { steps: [{ eventName: "Product Viewed" }, { eventName: "Product Added" }, { eventName: "Order Completed" }] },
  { steps: [{ eventName: "Product Viewed" }, { eventName: "Order Completed" }], windowDays: 1, split: "device" },
  { steps: [{ eventName: "Home" }, { eventName: "Product Viewed" }], split: "segment", segment: 0 },
  { steps: [{ eventName: "Product" }, { eventName: "Cart" }, { eventName: "Checkout" }], windowDays: 2 },
];

/** Event-days against the events they roll up: every row, as a statement over the events would write it. */
async function expectEventDaysEqualEvents(timeZone: string) {
  const rows = (sql: string, values: unknown[]) =>
    pgPool()
      .query(sql, values)
      .then((r) => r.rows);
  const fromEvents = await rows(
    `SELECT profile_id, to_char((occurred_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day, name,
            min(occurred_at) AS first_at, count(*)::int AS events
     FROM events WHERE workspace_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [workspace.id, timeZone],
  );
  expect(fromEvents.length).toBeGreaterThan(1000);
  expect(
    await rows(
      `SELECT profile_id, to_char(day, 'YYYY-MM-DD') AS day, name, first_at, events FROM event_days
       WHERE workspace_id = $1 ORDER BY 1, 2, 3`,
      [workspace.id],
    ),
  ).toEqual(fromEvents);
}

/** Every figure and every breakdown over every span, from the rollup and from the raw events, side by side. */
async function expectRollupEqualsRaw(timeZone: string) {
  await expectEventDaysEqualEvents(timeZone);
  for (const { segment, ...input } of FUNNELS) {
    const funnel = funnelInputSchema.parse({
      ...input,
      segmentId: segment === undefined ? undefined : segmentIds[segment],
    });
    for (const span of SPANS.slice(0, 3)) {
      const raw = await funnelCounts(workspace.id, span, timeZone, funnel, false);
      expect(raw[0]!.counts[0]).toBeGreaterThan(0);
      expect({ span, funnel, counts: await funnelCounts(workspace.id, span, timeZone, funnel, true) }).toEqual({
        span,
        funnel,
        counts: raw,
      });
    }
  }
  const raw = await periodCounts(workspace.id, SPANS, timeZone);
  expect(raw[0]!.total.visitors).toBeGreaterThan(50);
  expect(raw[0]!.total.orders).toBeGreaterThan(5);
  expect(plain(await rollupPeriodCounts(workspace.id, SPANS))).toEqual(plain(raw));
  for (const span of SPANS) {
    const content = await contentCounts(workspace.id, span, timeZone);
    expect({ span, content: byVariant(await rollupContentCounts(workspace.id, span)) }).toEqual({
      span,
      content: byVariant(content),
    });
  }
  for (const span of SPANS)
    expect({ span, lift: await rollupHoldoutGroups(workspace.id, span) }).toEqual({
      span,
      lift: await holdoutGroups(workspace.id, span, timeZone),
    });
  const lift = await holdoutGroups(workspace.id, SPANS[0]!, timeZone);
  expect(lift.holdout.units).toBeGreaterThan(0);
  expect(lift.personalized.buyers).toBeGreaterThan(0);
  const month = await contentCounts(workspace.id, SPANS[0]!, timeZone);
  expect(month.some((c) => c.impressions > 0 && c.visitors > 0)).toBe(true);
  expect(month.some((c) => c.orders > 0)).toBe(true);
  for (const span of SPANS.slice(0, 4))
    for (const by of BREAKDOWN_DIMENSIONS) {
      const ids = by === "segment" ? segmentIds : [];
      const expected = await breakdownCounts(workspace.id, span, timeZone, by, ids);
      if (by === "segment") expect(expected.some((r) => r.counts.visitors > 0)).toBe(true);
      expect({ span, by, rows: sorted(await rollupBreakdownCounts(workspace.id, span, timeZone, by, ids)) }).toEqual({
        span,
        by,
        rows: sorted(expected),
      });
    }
}

/**
 * A pass as the job makes it once the lookback has passed since the last one (the state's marks and last pass
 * moved back by more than it), so that it reads only what arrived since (the demo's events arrived just now).
 */
async function passLater() {
  const { rows } = await pgPool().query<{ marks: { at: string }[]; exposure_marks: { at: string }[] }>(
    `SELECT marks, exposure_marks FROM analytics_rollup_state WHERE workspace_id = $1`,
    [workspace.id],
  );
  const earlier = (marks: { at: string }[]) =>
    JSON.stringify(marks.map((m) => ({ ...m, at: new Date(Date.parse(m.at) - LATER_MS).toISOString() })));
  await pgPool().query(
    `UPDATE analytics_rollup_state SET marks = $2, exposure_marks = $3,
       passed_at = passed_at - make_interval(secs => $4) WHERE workspace_id = $1`,
    [workspace.id, earlier(rows[0]!.marks), earlier(rows[0]!.exposure_marks), LATER_MS / 1000],
  );
  return rollUpPass(workspace.id);
}
const LATER_MS = ROLLUP_LOOKBACK_MS + 60_000;

let sent = 0;
const event = (
  e: Partial<NormalizedEvent> & Pick<NormalizedEvent, "type" | "name" | "occurredAt">,
): NormalizedEvent => ({
  messageId: `rollup-test-${++sent}`,
  properties: {},
  context: {},
  traits: null,
  consent: null,
  revenue: null,
  ...e,
});

describe("the dashboards' rollup", () => {
  it("is built by the job and read by the dashboards only once ready in the workspace's time zone", async () => {
    expect((await workspaceRange(workspace.id, { preset: "30d", compare: "previous" }, CLOCK))?.rolledUp).toBe(false);
    const before = await loadOverview(workspace.id, { preset: "30d", compare: "previous" }, CLOCK);
    const run = await refreshAllRollups();
    expect(run?.rebuilt).toContain(workspace.id);
    expect((await workspaceRange(workspace.id, { preset: "30d", compare: "previous" }, CLOCK))?.rolledUp).toBe(true);
    expect(before?.rolledUpAt).toBeNull();
    const after = await loadOverview(workspace.id, { preset: "30d", compare: "previous" }, CLOCK);
    expect(after).toEqual({ ...before, rolledUpAt: expect.any(String) });
    expect(Date.parse(after!.rolledUpAt!)).toBeLessThanOrEqual(Date.now());
    // a second run passes (nothing to rebuild)
    expect(await refreshAllRollups()).toMatchObject({ rebuilt: [] });
  });

  it("equals the raw-event statements for every figure and breakdown after a rebuild", async () => {
    await expectRollupEqualsRaw("UTC");
  });

  it("takes in new events on the next pass: late ones, a new visitor, an order, a sign-in", async () => {
    const { rows: known } = await pgPool().query<{ anonymous: string; profile_id: string }>(
      `SELECT a.value AS anonymous, a.profile_id FROM identities a
       WHERE a.workspace_id = $1 AND a.type = 'anonymous_id'
         AND NOT EXISTS (SELECT 1 FROM identities u WHERE u.profile_id = a.profile_id AND u.type = 'user_id')
       ORDER BY a.value LIMIT 2`,
      [workspace.id],
    );
    expect(known).toHaveLength(2);
    const day = (n: number, hour = 12) => new Date(`${addDays(LAST, n)}T${String(hour).padStart(2, "0")}:30:00Z`);
    await ingestEvents(workspace, [
      // an anonymous visitor comes back five days ago (late: sent now) from a campaign, and orders
      event({
        type: "page",
        name: "Home",
        occurredAt: day(-5, 1),
        anonymousId: known[0]!.anonymous,
        context: { campaign: { source: "rollup-test", medium: "email" }, location: { country: "nz" } },
      }),
      event({
        type: "track",
        name: "Order Completed",
        occurredAt: day(-5, 2),
        anonymousId: known[0]!.anonymous,
        properties: { revenue: 12.345 },
        revenue: 12.345,
      }),
      // a stranger's first visit yesterday
      event({ type: "page", name: "Home", occurredAt: day(0, 23), anonymousId: "rollup-test-stranger" }),
      // another anonymous visitor signs in (identified from now on, on every day)
      event({
        type: "identify",
        name: "identify",
        occurredAt: day(0),
        anonymousId: known[1]!.anonymous,
        userId: "rollup-test-user",
      }),
    ]);
    // clicks on the placements: one naming a variant of the placement it names, one naming another placement's
    const { rows: shown } = await pgPool().query<{ key: string; variant_id: string; other_key: string }>(
      `SELECT p.key, v.id AS variant_id, (SELECT q.key FROM placements q WHERE q.workspace_id = p.workspace_id AND q.id <> p.id LIMIT 1) AS other_key
       FROM variants v JOIN content_blocks c ON c.id = v.content_block_id JOIN placements p ON p.id = c.placement_id
       WHERE v.workspace_id = $1 ORDER BY v.id LIMIT 1`,
      [workspace.id],
    );
    const click = (placement: string, at: Date) =>
      event({
        type: "track",
        name: CLICK_EVENT,
        occurredAt: at,
        anonymousId: known[0]!.anonymous,
        properties: { placement, variant_id: shown[0]!.variant_id },
      });
    const clicksOf = async () =>
      (await rollupContentCounts(workspace.id, SPANS[0]!)).find((c) => c.variantId === shown[0]!.variant_id)?.clicks ??
      0;
    const clicksBefore = await clicksOf();
    await ingestEvents(workspace, [click(shown[0]!.key, day(-5, 1)), click(shown[0]!.other_key, day(-5, 1))]);
    // this one pass takes in both batches: the return visit's day (the clicks' too), the stranger's day and the
    // sign-in's day (an identify's day is a key as well: event-days roll it up)
    expect(await passLater()).toMatchObject({ state: "passed", keys: 3 });
    await expectRollupEqualsRaw("UTC");
    // decisions written late, after that pass: one for the anonymous visitor two days before their order (its last
    // touch now, on a day the pass did not re-read), one for a visitor without a profile, one naming no one
    // (impressions, but no visitor, as the raw statement counts it)
    const { rows: orderer } = await pgPool().query<{ placement_ids: string[]; variant_ids: string[] }>(
      `SELECT placement_ids, variant_ids FROM exposures WHERE workspace_id = $1 AND profile_id IS NOT NULL
       AND cardinality(placement_ids) > 0 ORDER BY id LIMIT 1`,
      [workspace.id],
    );
    await pgPool().query(
      `INSERT INTO exposures (workspace_id, profile_id, anonymous_id, placement_ids, variant_ids, occurred_at, impressions)
       VALUES ($1, $2, NULL, $3, $4, $5, 2), ($1, NULL, 'rollup-test-nobody', $3, $4, $6, 1),
              ($1, NULL, NULL, $3, $4, $6, 3)`,
      [workspace.id, known[0]!.profile_id, orderer[0]!.placement_ids, orderer[0]!.variant_ids, day(-7, 1), day(-1, 9)],
    );
    const before = await rollupContentCounts(workspace.id, SPANS[0]!);
    const second = await passLater();
    expect(second).toMatchObject({ state: "passed", keys: 0 });
    expect(second.state === "passed" && BigInt(second.floor)).toBeGreaterThan(0n);
    await expectRollupEqualsRaw("UTC");
    expect(await rollupContentCounts(workspace.id, SPANS[0]!)).not.toEqual(before);
    // the click naming its own placement counted, the other not; the demo's clicks are there too
    expect(await clicksOf()).toBe(clicksBefore + 1);
    expect(clicksBefore).toBeGreaterThan(0);
    const { rows } = await pgPool().query<{ identified: boolean }>(
      `SELECT DISTINCT identified FROM visitor_days WHERE workspace_id = $1 AND profile_id = $2`,
      [workspace.id, known[1]!.profile_id],
    );
    expect(rows).toEqual([{ identified: true }]);
  });

  it("re-rolls a day that already has rows: an event earlier than the day's first moves its first", async () => {
    const { rows } = await pgPool().query<{ anonymous: string; first_at: Date }>(
      `SELECT i.value AS anonymous, d.first_at FROM event_days d
       JOIN identities i ON i.workspace_id = d.workspace_id AND i.profile_id = d.profile_id AND i.type = 'anonymous_id'
       WHERE d.workspace_id = $1 AND d.name = 'Product Viewed' AND d.day >= $2::date AND d.events > 1
         AND d.first_at > d.day::timestamp AT TIME ZONE 'UTC' + interval '1 hour'
       ORDER BY d.first_at, i.value LIMIT 1`,
      [workspace.id, addDays(LAST, -6)],
    );
    const day = rows[0]!;
    const earlier = new Date(day.first_at.getTime() - 60_000);
    await ingestEvents(workspace, [
      event({ type: "track", name: "Product Viewed", occurredAt: earlier, anonymousId: day.anonymous }),
    ]);
    expect(await passLater()).toMatchObject({ state: "passed", keys: 1 });
    const { rows: after } = await pgPool().query<{ first_at: Date; events: number }>(
      `SELECT d.first_at, d.events FROM event_days d JOIN identities i ON i.profile_id = d.profile_id
       WHERE d.workspace_id = $1 AND i.value = $2 AND d.name = 'Product Viewed' AND d.day = ($3::timestamptz AT TIME ZONE 'UTC')::date`,
      [workspace.id, day.anonymous, earlier],
    );
    expect(after).toHaveLength(1);
    expect(after[0]!.first_at).toEqual(earlier);
    await expectRollupEqualsRaw("UTC");
  });

  it("counts a visitor who signs in without a stored event (analytics refused) as identified on the next pass", async () => {
    const { rows } = await pgPool().query<{ anonymous: string; profile_id: string }>(
      `SELECT a.value AS anonymous, a.profile_id FROM identities a
       WHERE a.workspace_id = $1 AND a.type = 'anonymous_id'
         AND NOT EXISTS (SELECT 1 FROM identities u WHERE u.profile_id = a.profile_id AND u.type = 'user_id')
         AND EXISTS (SELECT 1 FROM visitor_days v WHERE v.profile_id = a.profile_id AND v.day >= $2::date)
       ORDER BY a.value LIMIT 1`,
      [workspace.id, addDays(LAST, -29)],
    );
    const visitor = rows[0]!;
    const before = await rollupPeriodCounts(workspace.id, SPANS);
    const sentBefore = await pgPool().query(`SELECT count(*)::int AS n FROM events WHERE workspace_id = $1`, [
      workspace.id,
    ]);
    await ingestEvents(workspace, [
      event({
        type: "identify",
        name: "identify",
        occurredAt: new Date(),
        anonymousId: visitor.anonymous,
        consent: { analytics: false },
      }),
      event({
        type: "identify",
        name: "identify",
        occurredAt: new Date(),
        anonymousId: visitor.anonymous,
        userId: `private-${visitor.anonymous}`,
      }),
    ]);
    // nothing was stored, but the profile has a user id now
    const sentAfter = await pgPool().query(`SELECT count(*)::int AS n FROM events WHERE workspace_id = $1`, [
      workspace.id,
    ]);
    expect(sentAfter.rows[0].n).toBe(sentBefore.rows[0].n);
    expect(await passLater()).toMatchObject({ state: "passed", keys: 0 });
    const after = await rollupPeriodCounts(workspace.id, SPANS);
    expect(after[0]!.total.identified).toBe(before[0]!.total.identified + 1);
    await expectRollupEqualsRaw("UTC");
  });

  it("follows a merge of two profiles that both have past events", async () => {
    const { rows } = await pgPool().query<{ anonymous: string; user_id: string; a: string; b: string }>(
      `SELECT a.value AS anonymous, u.value AS user_id, a.profile_id AS a, u.profile_id AS b
       FROM identities a JOIN identities u ON u.workspace_id = a.workspace_id AND u.type = 'user_id'
       WHERE a.workspace_id = $1 AND a.type = 'anonymous_id' AND a.profile_id <> u.profile_id
         AND NOT EXISTS (SELECT 1 FROM identities x WHERE x.profile_id = a.profile_id AND x.type = 'user_id')
         AND EXISTS (SELECT 1 FROM visitor_days v WHERE v.profile_id = a.profile_id AND v.day >= $2::date)
         AND EXISTS (SELECT 1 FROM visitor_days v WHERE v.profile_id = u.profile_id AND v.day >= $2::date)
       ORDER BY a.value, u.value LIMIT 1`,
      [workspace.id, addDays(LAST, -29)],
    );
    const pair = rows[0]!;
    const result = await ingestEvents(workspace, [
      event({
        type: "identify",
        name: "identify",
        occurredAt: new Date(),
        anonymousId: pair.anonymous,
        userId: pair.user_id,
      }),
    ]);
    expect(result.merges).toHaveLength(1);
    const before = await rollupPeriodCounts(workspace.id, SPANS);
    expect(await passLater()).toMatchObject({ state: "passed", merged: 1 });
    const after = await rollupPeriodCounts(workspace.id, SPANS);
    // two visitors became one over the 30 days
    expect(after[0]!.total.visitors).toBe(before[0]!.total.visitors - 1);
    await expectRollupEqualsRaw("UTC");
    const { rows: gone } = await pgPool().query(`SELECT 1 FROM visitor_days WHERE profile_id = ANY($1::text[])`, [
      result.merges.map((m) => m.mergedId),
    ]);
    expect(gone).toHaveLength(0);
  });

  it("is rebuilt in the new time zone after it changes, the dashboards reading the raw events meanwhile", async () => {
    await pgPool().query(`UPDATE workspaces SET time_zone = 'Pacific/Auckland' WHERE id = $1`, [workspace.id]);
    expect((await workspaceRange(workspace.id, { preset: "7d", compare: "none" }, CLOCK))?.rolledUp).toBe(false);
    expect(await rollUpPass(workspace.id)).toEqual({ state: "needs-rebuild" });
    expect(await refreshAllRollups()).toMatchObject({ rebuilt: [workspace.id] });
    expect((await workspaceRange(workspace.id, { preset: "7d", compare: "none" }, CLOCK))?.rolledUp).toBe(true);
    await expectRollupEqualsRaw("Pacific/Auckland");
  });

  it("reports its progress while rebuilding", async () => {
    const seen: [number, number][] = [];
    const built = await rebuildRollup(workspace.id, (done, total) => seen.push([done, total]));
    expect(built?.rows).toBeGreaterThan(300);
    expect(seen[0]![0]).toBe(0);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    expect(seen.length).toBeGreaterThan(3);
  });
});
