import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { runWorkspaceQuery } from "@/lib/actions/query-client";
import { db } from "@/lib/db/client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { setTimeZoneDef } from "@/lib/workspaces/actions/set-time-zone";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { overviewDef } from "./actions/overview";
import { loadOverview } from "./db/load-overview";
import { rangeInputSchema } from "./range";

vi.mock("@/lib/auth/session", () => ({ currentUserId: async () => null }));

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;

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
  for (const p of ["ana", "dee"])
    await db.identity.create({ data: { workspaceId: id, profileId: `${id}-${p}`, type: "user_id", value: p } });
  await pgPool().query(
    `INSERT INTO events (workspace_id, profile_id, type, name, properties, message_id, occurred_at)
     SELECT $1, $1 || '-' || p, t, n, CASE WHEN r IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('revenue', r) END,
            'm' || ord, at::timestamptz
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[]) WITH ORDINALITY AS e(p, t, n, at, r, ord)`,
    [
      id,
      EVENTS.map((e) => e[0]),
      EVENTS.map((e) => e[1]),
      EVENTS.map((e) => e[2]),
      EVENTS.map((e) => e[3]),
      EVENTS.map((e) => e[4] ?? null),
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
