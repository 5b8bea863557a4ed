import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { runWorkspaceQuery } from "@/lib/actions/query-client";
import { db } from "@/lib/db/client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { setTimeZoneDef } from "@/lib/workspaces/actions/set-time-zone";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { overviewDef } from "./actions/overview";
import { breakdownDef } from "./actions/breakdown";
import { loadBreakdown } from "./db/load-breakdown";
import { loadContent } from "./db/load-content";
import { loadFunnel } from "./db/load-funnel";
import { funnelInputSchema } from "./funnel";
import { funnelDef } from "./actions/funnel";
import { loadLift } from "./db/load-lift";
import { loadOverview } from "./db/load-overview";
import { rangeInputSchema } from "./range";

vi.mock("@/lib/auth/session", () => ({ currentUserId: async () => null }));

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let segmentId: string;
let defaultVariant: string;
let springVariant: string;

afterAll(() => closePgPool());

/**
 * Five shoppers around New York's spring-forward night (8 March 2026, 02:00 → 03:00 local; UTC−5 before, UTC−4
 * after). Local times are written with their offset, so each event's UTC instant is exact:
 * - ana (signed in): a page late on 7 March, an order of 50 on 8 March, another of 30 on 9 March;
 * - ben: a page at 00:30 on 8 March (05:30 UTC, which is 8 March in UTC too), an order of 20 at 23:30 on 9 March
 *   (03:30 UTC on 10 March: outside 8–9 March in UTC, inside in New York);
 * - cy: only an identify on 8 March (not a visit);
 * - dee (signed in): a page at 03:15 on 8 March, right after the clocks jump;
 * - eve: a page at 21:00 on 6 March (02:00 UTC on 7 March), in the comparison period either way.
 */
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
const MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15";
/** Each event's context: ana comes from a newsletter on an iPhone in Germany, ben from Google on a Mac, dee bare. */
const CONTEXTS: Record<string, object> = {
  ana: {
    userAgent: IPHONE,
    campaign: { source: "newsletter", medium: "email", name: "spring" },
    location: { country: "de" },
  },
  ben: { userAgent: MAC, page: { referrer: "https://www.google.com/search?q=shoes" } },
  // as the browser SDK sends a tagged visit: context.utm (Segment's spec says context.campaign, as ana's)
  dee: { utm: { source: "instagram", medium: "social", campaign: "reels" } },
};
const EVENTS: [profile: string, type: string, name: string, at: string, revenue?: number][] = [
  ["ana", "page", "Home", "2026-03-07T23:10:00-05:00"],
  ["ana", "track", "Order Completed", "2026-03-08T10:00:00-04:00", 50],
  ["ana", "track", "Order Completed", "2026-03-09T12:00:00-04:00", 30],
  ["ben", "page", "Home", "2026-03-08T00:30:00-05:00"],
  ["ben", "track", "Order Completed", "2026-03-09T23:30:00-04:00", 20],
  ["cy", "identify", "identify", "2026-03-08T12:00:00-04:00"],
  ["dee", "page", "Home", "2026-03-08T03:15:00-04:00"],
  ["eve", "page", "Home", "2026-03-06T21:00:00-05:00"],
];

beforeAll(async () => {
  ws = await createTestWorkspace("Overview", ["admin", "viewer"]);
  const id = ws.workspace.id;
  for (const p of ["ana", "ben", "cy", "dee", "eve"])
    await db.profile.create({
      data: {
        id: `${id}-${p}`,
        workspaceId: id,
        firstSeenAt: new Date("2026-03-01"),
        lastSeenAt: new Date("2026-03-10"),
      },
    });
  await db.profile.update({ where: { id: `${id}-dee` }, data: { traits: { country: "FR" } } });
  // a segment: ana a member all along, ben until 7 March (before the range in New York), dee from 9 March
  segmentId = (await db.segment.create({ data: { workspaceId: id, name: "Loyal" } })).id;
  await db.segmentMembership.createMany({
    data: [
      { workspaceId: id, segmentId, profileId: `${id}-ana`, enteredAt: new Date("2026-03-01T00:00:00Z") },
      {
        workspaceId: id,
        segmentId,
        profileId: `${id}-ben`,
        enteredAt: new Date("2026-03-01T00:00:00Z"),
        exitedAt: new Date("2026-03-07T12:00:00Z"),
      },
      { workspaceId: id, segmentId, profileId: `${id}-dee`, enteredAt: new Date("2026-03-09T12:00:00Z") },
    ],
  });
  for (const p of ["ana", "dee"])
    await db.identity.create({ data: { workspaceId: id, profileId: `${id}-${p}`, type: "user_id", value: p } });
  await pgPool().query(
    `INSERT INTO events (workspace_id, profile_id, type, name, properties, context, message_id, occurred_at)
     SELECT $1, $1 || '-' || p, t, n, CASE WHEN r IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('revenue', r) END,
            c::jsonb, 'm' || ord, at::timestamptz
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[])
       WITH ORDINALITY AS e(p, t, n, at, r, c, ord)`,
    [
      id,
      EVENTS.map((e) => e[0]),
      EVENTS.map((e) => e[1]),
      EVENTS.map((e) => e[2]),
      EVENTS.map((e) => e[3]),
      EVENTS.map((e) => e[4] ?? null),
      EVENTS.map((e) => JSON.stringify(CONTEXTS[e[0]] ?? {})),
    ],
  );
  // the hero: its default (shown to the holdout) and a spring experience
  const hero = await db.placement.create({ data: { workspaceId: id, key: "home-hero", name: "Home hero" } });
  const experience = (name: string, isDefault: boolean) =>
    db.experience.create({
      data: { workspaceId: id, placementId: hero.id, name, isDefault, status: "live" },
    });
  const [fallback, spring] = [await experience("Default", true), await experience("Spring", false)];
  defaultVariant = (
    await db.variant.create({ data: { workspaceId: id, experienceId: fallback.id, name: "Default", body: "Hi" } })
  ).id;
  springVariant = (
    await db.variant.create({ data: { workspaceId: id, experienceId: spring.id, name: "Spring", body: "Sale" } })
  ).id;
  // decisions: ana outside the holdout after her first order, ben in it, dee outside, cy both (two browsers
  // merged), eve before the range; each shown the hero (the holdout its default)
  const variantOf = (held: boolean) => (held ? defaultVariant : springVariant);
  const held = [false, true, false, true, false, true];
  await pgPool().query(
    `INSERT INTO exposures (workspace_id, profile_id, placement_ids, variant_ids, holdout, occurred_at, impressions)
     SELECT $1, $1 || '-' || p, ARRAY[$5], ARRAY[v], h, at::timestamptz, n
     FROM unnest($2::text[], $3::bool[], $4::text[], $6::text[], $7::int[]) AS x(p, h, at, v, n)`,
    [
      id,
      ["ana", "ben", "dee", "cy", "cy", "eve"],
      held,
      [
        "2026-03-08T11:00:00-04:00",
        "2026-03-08T00:40:00-05:00",
        "2026-03-08T03:20:00-04:00",
        "2026-03-08T12:00:00-04:00",
        "2026-03-09T12:00:00-04:00",
        "2026-03-06T21:05:00-05:00",
      ],
      hero.id,
      held.map(variantOf),
      [2, 1, 1, 1, 1, 1],
    ],
  );
  // clicks: ana on the spring hero twice, ben on the default once, and one naming a variant that is not ours
  await pgPool().query(
    `INSERT INTO events (workspace_id, profile_id, type, name, properties, message_id, occurred_at)
     SELECT $1, $1 || '-' || p, 'track', 'Placement Clicked',
            jsonb_build_object('placement', 'home-hero', 'variant_id', v), 'click-' || ord, at::timestamptz
     FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS c(p, v, at, ord)`,
    [
      id,
      ["ana", "ana", "ben", "ben"],
      [springVariant, springVariant, defaultVariant, "someone-elses-variant"],
      [
        "2026-03-08T11:01:00-04:00",
        "2026-03-09T11:01:00-04:00",
        "2026-03-08T00:41:00-05:00",
        "2026-03-08T00:42:00-05:00",
      ],
    ],
  );
});

const MARCH_8_9 = rangeInputSchema.parse({ preset: "custom", from: "2026-03-08", to: "2026-03-09" });
const setZone = (timeZone: string) =>
  runWorkspaceAction(setTimeZoneDef, ws.member("admin").userId, { workspaceId: ws.workspace.id, timeZone });

describe("the overview, counted in the workspace's time zone", () => {
  it("counts visitors, buyers, orders and revenue of local days, the spring-forward day included", async () => {
    expect(await setZone("America/New_York")).toMatchObject({ ok: true, data: { timeZone: "America/New_York" } });
    const o = (await loadOverview(ws.workspace.id, MARCH_8_9))!;
    expect(o.timeZone).toBe("America/New_York");
    // ana, ben and dee visited (cy only identified); ana and ben bought; three orders of 100 in all
    expect(o.figures).toEqual({
      visitors: 3,
      identified: 2,
      buyers: 2,
      orders: 3,
      revenue: 100,
      conversionRate: 2 / 3,
      averageOrderValue: 100 / 3,
      revenuePerVisitor: 100 / 3,
    });
    expect(o.daily.map((d) => [d.day, d.figures.visitors, d.figures.orders, d.figures.revenue])).toEqual([
      ["2026-03-08", 3, 1, 50],
      ["2026-03-09", 2, 2, 50],
    ]);
    // compared with 6–7 March: eve on the 6th, ana on the 7th
    expect(o.range.comparison).toEqual({ from: "2026-03-06", to: "2026-03-07", days: 2 });
    expect(o.comparison).toMatchObject({ visitors: 2, identified: 1, buyers: 0, orders: 0, revenue: 0 });
    expect(o.change.visitors).toBeCloseTo(0.5, 12);
    expect(o.change.revenue).toBeNull();
    expect(o.daily.map((d) => [d.comparisonDay, d.comparison?.visitors])).toEqual([
      ["2026-03-06", 1],
      ["2026-03-07", 1],
    ]);
  });

  it("compares the exposed visitors outside the holdout with those in it, each from their first decision", async () => {
    const { lift } = (await loadLift(ws.workspace.id, MARCH_8_9))!;
    // ben (held) bought 20 after his decision; ana's order of 50 came before hers, so only her 30 counts; dee bought
    // nothing; cy was on both sides and counts on the side of her first decision (held), buying nothing; eve's
    // decision was before the range
    expect(lift.holdout).toEqual({ units: 2, buyers: 1, revenue: 20 });
    expect(lift.personalized).toEqual({ units: 2, buyers: 1, revenue: 30 });
    expect(lift.mixed).toBe(1);
    expect(lift.conversionRate).toMatchObject({ holdout: 0.5, personalized: 0.5 });
    expect(lift.revenuePerVisitor).toMatchObject({ holdout: 10, personalized: 15 });
  });

  it("breaks the figures down by each visitor's first touch on those days, and by segment membership then", async () => {
    const by = async (dimension: "source" | "medium" | "referrer" | "device" | "country") => {
      const b = (await loadBreakdown(ws.workspace.id, MARCH_8_9, { by: dimension, segmentIds: [] })) as {
        rows: { value: string; figures: { visitors: number; orders: number; revenue: number } }[];
      };
      return b.rows.map((r) => [r.value, r.figures.visitors, r.figures.orders, r.figures.revenue]);
    };
    // ana's first event on 8–9 March is her order (her page was on the 7th); the value ties sort by name
    expect(await by("source")).toEqual([
      ["instagram", 1, 0, 0],
      ["newsletter", 1, 2, 80],
      ["www.google.com", 1, 1, 20],
    ]);
    expect(await by("medium")).toEqual([
      ["email", 1, 2, 80],
      ["referral", 1, 1, 20],
      ["social", 1, 0, 0],
    ]);
    expect(await by("device")).toEqual([
      ["(unknown)", 1, 0, 0],
      ["desktop", 1, 1, 20],
      ["mobile", 1, 2, 80],
    ]);
    expect(await by("country")).toEqual([
      ["(unknown)", 1, 1, 20],
      ["DE", 1, 2, 80],
      ["FR", 1, 0, 0],
    ]);
    const segments = (await loadBreakdown(ws.workspace.id, MARCH_8_9, { by: "segment", segmentIds: [segmentId] })) as {
      rows: { label: string; figures: { visitors: number; buyers: number } }[];
    };
    // ana and dee were members on those days; ben had left
    expect(segments.rows).toMatchObject([{ label: "Loyal", figures: { visitors: 2, buyers: 1 } }]);
    const unknown = await runWorkspaceQuery(breakdownDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      by: "segment",
      segmentIds: ["not-a-segment"],
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { fieldErrors: { segmentIds: ["No such segment: not-a-segment"] } },
    });
    const none = await runWorkspaceQuery(breakdownDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      by: "segment",
    });
    expect(none).toMatchObject({
      ok: false,
      error: { fieldErrors: { segmentIds: ["Choose the segments to compare"] } },
    });
  });

  it("counts each variant's impressions, visitors and clicks, and attributes orders to the last one shown", async () => {
    const { rows } = (await loadContent(ws.workspace.id, MARCH_8_9))!;
    const row = (variantId: string) => rows.find((r) => r.variantId === variantId)!;
    // spring: ana (2 impressions), dee and cy (one each) → 4; default: ben and cy; eve's was before the range
    expect(row(springVariant)).toMatchObject({
      placementKey: "home-hero",
      experienceName: "Spring",
      impressions: 4,
      visitors: 3,
      clicks: 2,
      // ana's 30 after her decision (her 50 came before it)
      orders: 1,
      revenue: 30,
      clickThroughRate: 0.5,
    });
    // the default: ben's 20 after his decision; cy's decisions on both sides do not buy
    expect(row(defaultVariant)).toMatchObject({
      isDefault: true,
      impressions: 2,
      visitors: 2,
      clicks: 1,
      orders: 1,
      revenue: 20,
    });
    expect(row(defaultVariant).revenuePerImpression).toBe(10);
    expect(rows).toHaveLength(2); // the click on a variant that is not the workspace's counts nowhere
  });

  it("follows visitors through ordered steps within the window of their entry, with the median time between steps", async () => {
    const run = async (input: object) => {
      const loaded = await loadFunnel(ws.workspace.id, MARCH_8_9, funnelInputSchema.parse(input));
      return (loaded as { groups: { group: string; steps: { count: number; medianSeconds: number | null }[] }[] })
        .groups;
    };
    // ben and dee enter on the home page (ana's visit was on the 7th); ben clicks 11 minutes later and buys
    // 46 hours after entering (00:30 EST on the 8th to 23:30 EDT on the 9th)
    const three = [{ eventName: "Home" }, { eventName: "Placement Clicked" }, { eventName: "Order Completed" }];
    const all = await run({ steps: three });
    expect(all).toHaveLength(1);
    expect(all[0]!.steps.map((s) => s.count)).toEqual([2, 1, 1]);
    expect(all[0]!.steps.map((s) => s.medianSeconds)).toEqual([null, 660, 164_940]);
    // a one-day window: the order comes too late
    expect((await run({ steps: three, windowDays: 1 }))[0]!.steps.map((s) => s.count)).toEqual([2, 1, 0]);
    // a step's filters: only clicks on the spring variant (ben's were on the default)
    const spring = [
      { eventName: "Home" },
      {
        eventName: "Placement Clicked",
        filters: [{ property: "variant_id", valueType: "string", op: "equals", value: springVariant }],
      },
    ];
    expect((await run({ steps: spring }))[0]!.steps.map((s) => s.count)).toEqual([2, 0]);
    // split by device at entry: ben on a Mac, dee with no user agent
    expect((await run({ steps: three, split: "device" })).map((g) => [g.group, g.steps.map((s) => s.count)])).toEqual([
      ["(unknown)", [1, 0, 0]],
      ["desktop", [1, 1, 1]],
    ]);
    // split by the segment at entry: ben had left it, dee had not joined yet
    expect((await run({ steps: three, split: "segment", segmentId })).map((g) => [g.group, g.steps[0]!.count])).toEqual(
      [["not a member", 2]],
    );
  });

  it("answers a funnel's bad input at its field", async () => {
    const query = (input: object) =>
      runWorkspaceQuery(funnelDef, ws.member("viewer").userId, { workspaceId: ws.workspace.id, ...input });
    expect(await query({ steps: [{ eventName: "Home" }] })).toMatchObject({
      ok: false,
      error: { fieldErrors: { steps: ["A funnel has at least 2 steps"] } },
    });
    expect(
      await query({
        steps: [
          { eventName: "Home" },
          { eventName: "Order Completed", filters: [{ property: "revenue", valueType: "number", op: "gte" }] },
        ],
      }),
    ).toMatchObject({ ok: false, error: { fieldErrors: { "steps.1.filters.0.value": [expect.any(String)] } } });
    expect(
      await query({
        steps: [{ eventName: "Home" }, { eventName: "Order Completed" }],
        split: "experiment",
        experimentId: "nope",
      }),
    ).toMatchObject({ ok: false, error: { fieldErrors: { experimentId: ["No such experiment"] } } });
  });

  it("moves events across days when the time zone changes", async () => {
    expect(await setZone("UTC")).toMatchObject({ ok: true });
    const o = (await loadOverview(ws.workspace.id, MARCH_8_9))!;
    // in UTC ana's late page of the 7th falls on the 8th, and ben's order of the 9th on the 10th
    expect(o.figures).toMatchObject({ visitors: 3, buyers: 1, orders: 2, revenue: 80 });
    expect(o.daily.map((d) => [d.day, d.figures.visitors])).toEqual([
      ["2026-03-08", 3],
      ["2026-03-09", 1],
    ]);
    expect(o.comparison).toMatchObject({ visitors: 1 }); // eve, 02:00 UTC on the 7th
  });

  it("refuses a time zone that does not exist, at the field, and keeps the one in force", async () => {
    const refused = await setZone("Mars/Olympus_Mons");
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { timeZone: [expect.stringContaining("is not a time zone")] } },
    });
    expect(await setZone("europe/paris")).toMatchObject({ ok: true, data: { timeZone: "Europe/Paris" } });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ws.workspace.id } })).timeZone).toBe("Europe/Paris");
    const viewer = await runWorkspaceAction(setTimeZoneDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      timeZone: "UTC",
    });
    expect(viewer).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("answers a viewer's query, and a bad range with the field and reason", async () => {
    const ok = await runWorkspaceQuery(overviewDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      preset: "7d",
      compare: "none",
    });
    expect(ok).toMatchObject({ ok: true, data: { comparison: null, range: { days: 7 } } });
    const bad = await runWorkspaceQuery(overviewDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      preset: "custom",
      from: "2026-03-09",
      to: "2026-03-08",
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { to: ["The last day is before the first"] } },
    });
  });
});
