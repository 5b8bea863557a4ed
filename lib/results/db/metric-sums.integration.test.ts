import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArmBucketSums, MetricSums, SumsBucketing } from "@/lib/results/sums";
import type { PropertyFilter } from "@/lib/segments/schema";
import { DAY_MS } from "@/lib/time";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { metricSums, type MetricSumsInput } from "./metric-sums";

/*
 * A small experiment whose every per-unit value is worked out by hand below.
 * Goal: "Order Completed" with currency USD, value property `revenue`, a
 * 7-day window, CUPED over 14 days; T0 = 2026-11-10, now = T0 + 10 days.
 *
 * anonymous-id experiment X (phase 1), first exposure → sum value (covariate), count (covariate)
 *   C : P1  a1        T0+1h    mobile  US  returning   50 (10)   2 (1)    segment: in
 *       P2  a2        T0+1d3h  desktop DE  new          0  (0)   0 (0)             out
 *       P9  a9        T0+2d1h  —       US  returning   70  (0)   2 (0)             in (exits later)
 *   V1: P3  a3b, a3a  T0+1d    mobile (a3b's, the first)  new   60 (40)   1 (1)    out (enters later)
 *       P7  a7        T0+3h    desktop     new         200 (20)   1 (2)             out (left before)
 *   V2: —   a5 (no profile)  T0+2h  —      —            0  (0)   0 (0)             out
 *       P6  a6        T0+5d    mobile      returning   10  (0)   3 (0)             out
 *       P8  a8        T0+1d    tablet      —           25  (0)   1 (0)             in (enters at first)
 *   P4 (a4a in V1, a4b in V2) is left out: multipleExposures = 1.
 */

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let a: Fixture;
let b: Fixture;
let experimentX: string;
let experimentY: string;
let C: string, V1: string, V2: string, YC: string, YT: string;
let segmentA: string;
let segmentB: string;

const T0 = Date.parse("2026-11-10T00:00:00Z");
const H = 3_600_000;
const D = DAY_MS;
const NOW = new Date(T0 + 10 * D);
const USD = { currency: "USD" };

async function profile(w: Fixture, identities: ["anonymous_id" | "user_id", string][]): Promise<string> {
  const seen = new Date(T0 - 30 * D);
  const p = await db.profile.create({ data: { workspaceId: w.workspace.id, firstSeenAt: seen, lastSeenAt: seen } });
  await db.identity.createMany({
    data: identities.map(([type, value]) => ({ workspaceId: w.workspace.id, profileId: p.id, type, value })),
  });
  return p.id;
}

type Dims = { device?: string; country?: string; returning?: boolean };
async function assign(
  w: Fixture,
  experimentId: string,
  unitId: string,
  variationId: string,
  offset: number,
  dims: Dims = {},
  phase = 1,
) {
  await db.assignment.create({
    data: {
      workspaceId: w.workspace.id,
      experimentId,
      unitId,
      variationId,
      phase,
      assignedAt: new Date(T0 + offset),
      ...dims,
    },
  });
}

async function event(
  w: Fixture,
  profileId: string,
  offset: number,
  properties: Prisma.InputJsonObject,
  name = "Order Completed",
) {
  await db.event.create({
    data: {
      workspaceId: w.workspace.id,
      profileId,
      type: "track",
      name,
      properties,
      messageId: `m-${randomBytes(6).toString("hex")}`,
      occurredAt: new Date(T0 + offset),
    },
  });
}

async function variation(w: Fixture, experimentId: string, key: string, position: number): Promise<string> {
  const v = await db.variation.create({
    data: { workspaceId: w.workspace.id, experimentId, key, name: key, position, isControl: position === 0 },
  });
  return v.id;
}

const USD_ONLY: PropertyFilter[] = [{ property: "currency", valueType: "string", op: "equals", value: "USD" }];

function input(over: {
  kind: MetricSumsInput["goal"]["kind"];
  capPercentile?: number | null;
  bucketing?: SumsBucketing;
  cupedDays?: number;
  experimentId?: string;
  unitType?: MetricSumsInput["unitType"];
  workspaceId?: string;
  now?: Date;
}): MetricSumsInput {
  return {
    workspaceId: over.workspaceId ?? a.workspace.id,
    experimentId: over.experimentId ?? experimentX,
    phase: 1,
    unitType: over.unitType ?? "anonymous_id",
    goal: {
      eventName: "Order Completed",
      kind: over.kind,
      valueProperty: over.kind === "sum" || over.kind === "ratio" ? "revenue" : null,
      filters: USD_ONLY,
      windowDays: 7,
      capPercentile: over.capPercentile ?? null,
    },
    cupedDays: over.cupedDays ?? 14,
    bucketing: over.bucketing ?? { by: "day" },
    now: over.now ?? NOW,
  };
}

type Totals = Omit<ArmBucketSums, "variationId" | "bucket">;
const FIELDS = [
  "n",
  "sum",
  "sumSquares",
  "covariateSum",
  "covariateSumSquares",
  "covariateCross",
  "denominatorSum",
  "denominatorSumSquares",
  "denominatorCross",
] as const;

/** The sums of one variation over its buckets (sums add up). */
function totals(result: MetricSums, variationId: string): Totals {
  const t = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Totals;
  for (const row of result.rows.filter((r) => r.variationId === variationId)) for (const f of FIELDS) t[f] += row[f];
  return t;
}

/** The sufficient statistics of hand-made per-unit values [value, covariate, denominator]. */
function expected(units: [number, number, number?][]): Totals {
  const t = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Totals;
  for (const [v, c, d = 0] of units) {
    t.n += 1;
    t.sum += v;
    t.sumSquares += v * v;
    t.covariateSum += c;
    t.covariateSumSquares += c * c;
    t.covariateCross += v * c;
    t.denominatorSum += d;
    t.denominatorSumSquares += d * d;
    t.denominatorCross += v * d;
  }
  return t;
}

function expectTotals(actual: Totals, wanted: Totals) {
  for (const f of FIELDS) expect(actual[f], f).toBeCloseTo(wanted[f], 9);
}

/** Buckets of one variation as bucket → [n, sum]. */
const buckets = (result: MetricSums, variationId: string) =>
  Object.fromEntries(result.rows.filter((r) => r.variationId === variationId).map((r) => [r.bucket, [r.n, r.sum]]));

/** percentile_cont as Postgres defines it: linear interpolation between the ranks around p·(N − 1). */
function percentileCont(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const pos = p * (sorted.length - 1);
  const lo = sorted[Math.floor(pos)]!;
  const hi = sorted[Math.ceil(pos)]!;
  return lo + (hi - lo) * (pos - Math.floor(pos));
}

beforeAll(async () => {
  a = await createTestWorkspace("Sums");
  b = await createTestWorkspace("Other sums");
  const w = a.workspace.id;
  experimentX = (await db.experiment.create({ data: { workspaceId: w, key: "x", name: "X", seed: "x" } })).id;
  experimentY = (
    await db.experiment.create({ data: { workspaceId: w, key: "y", name: "Y", seed: "y", unitType: "user_id" } })
  ).id;
  const experimentZ = (await db.experiment.create({ data: { workspaceId: w, key: "z", name: "Z", seed: "z" } })).id;
  C = await variation(a, experimentX, "control", 0);
  V1 = await variation(a, experimentX, "v1", 1);
  V2 = await variation(a, experimentX, "v2", 2);
  YC = await variation(a, experimentY, "control", 0);
  YT = await variation(a, experimentY, "treatment", 1);
  const ZC = await variation(a, experimentZ, "control", 0);

  const p1 = await profile(a, [["anonymous_id", "a1"]]);
  const p2 = await profile(a, [["anonymous_id", "a2"]]);
  const p3 = await profile(a, [
    ["anonymous_id", "a3a"],
    ["anonymous_id", "a3b"],
  ]);
  const p4 = await profile(a, [
    ["anonymous_id", "a4a"],
    ["anonymous_id", "a4b"],
  ]);
  const p6 = await profile(a, [["anonymous_id", "a6"]]);
  const p7 = await profile(a, [["anonymous_id", "a7"]]);
  const p8 = await profile(a, [["anonymous_id", "a8"]]);
  const p9 = await profile(a, [["anonymous_id", "a9"]]);

  await assign(a, experimentX, "a1", C, 1 * H, { device: "mobile", country: "US", returning: true });
  await assign(a, experimentX, "a2", C, D + 3 * H, { device: "desktop", country: "DE", returning: false });
  await assign(a, experimentX, "a9", C, 2 * D + H, { country: "US", returning: true });
  await assign(a, experimentX, "a3a", V1, 2 * D, { device: "tablet", country: "FR", returning: true });
  await assign(a, experimentX, "a3b", V1, D, { device: "mobile", country: "DE", returning: false });
  await assign(a, experimentX, "a7", V1, 3 * H, { device: "desktop", returning: false });
  await assign(a, experimentX, "a5", V2, 2 * H);
  await assign(a, experimentX, "a6", V2, 5 * D, { device: "mobile", returning: true });
  await assign(a, experimentX, "a8", V2, D, { device: "tablet" });
  await assign(a, experimentX, "a4a", V1, 4 * H, { device: "mobile" });
  await assign(a, experimentX, "a4b", V2, D + 2 * H, { device: "mobile" });
  // another phase and another experiment: neither counts, nor makes P2 a multiple exposure
  await assign(a, experimentX, "a2", V1, 3 * D, {}, 2);
  await assign(a, experimentZ, "a1", ZC, H);

  // P1: 30 + 20 in the window; a EUR order (filtered out), one at the window's end, a page view and one 20 days
  // before (outside CUPED's 14) do not count; 10 two days before is the covariate
  await event(a, p1, -2 * D, { ...USD, revenue: 10 });
  await event(a, p1, -20 * D, { ...USD, revenue: 100 });
  await event(a, p1, 2 * H, { ...USD, revenue: 30 });
  await event(a, p1, D, { ...USD, revenue: 20 });
  await event(a, p1, D + H, { currency: "EUR", revenue: 5 });
  await event(a, p1, H + 7 * D, { ...USD, revenue: 40 });
  await event(a, p1, 3 * H, { ...USD, revenue: 1 }, "Product Viewed");
  // P3: first exposure T0+1d (a3b): 40 an hour before is the covariate, 60 counts, 7 at T0+8d+1h is past the window
  await event(a, p3, D - H, { ...USD, revenue: 40 });
  await event(a, p3, D + H, { ...USD, revenue: 60 });
  await event(a, p3, 8 * D + H, { ...USD, revenue: 7 });
  // P4 is left out whatever it did
  await event(a, p4, 5 * H, { ...USD, revenue: 1000 });
  // P6: a string revenue counts as an event worth 0; the order at now counts, the one after now does not
  await event(a, p6, 5 * D + H, { ...USD, revenue: "12.5" });
  await event(a, p6, 6 * D, { ...USD, revenue: 8 });
  await event(a, p6, 10 * D, { ...USD, revenue: 2 });
  await event(a, p6, 10 * D + H, { ...USD, revenue: 500 });
  // P7: 200 in the window; 15 a day before and 5 thirteen days before are the covariate
  await event(a, p7, 4 * H, { ...USD, revenue: 200 });
  await event(a, p7, -D, { ...USD, revenue: 15 });
  await event(a, p7, -13 * D, { ...USD, revenue: 5 });
  await event(a, p8, D + 5 * H, { ...USD, revenue: 25 });
  await event(a, p9, 2 * D + 2 * H, { ...USD, revenue: 0 });
  await event(a, p9, 3 * D, { ...USD, revenue: 70 });

  // segment memberships at the first exposure
  segmentA = (await db.segment.create({ data: { workspaceId: w, name: "VIP", kind: "static" } })).id;
  const member = (profileId: string, entered: number, exited: number | null, segmentId = segmentA) =>
    db.segmentMembership.create({
      data: {
        workspaceId: w,
        segmentId,
        profileId,
        enteredAt: new Date(T0 + entered),
        exitedAt: exited === null ? null : new Date(T0 + exited),
      },
    });
  await member(p1, -D, null);
  await member(p3, D + H, null);
  await member(p7, -5 * D, H);
  await member(p8, D, null);
  await member(p9, -D, 5 * D);

  // user-id experiment Y: a user id, an anonymous id before sign-in, a profile's two ids, a unit without profile,
  // and an id that is P13's anonymous id and P14's user id (the user id wins)
  const p10 = await profile(a, [
    ["user_id", "user-10"],
    ["anonymous_id", "a10"],
  ]);
  const p11 = await profile(a, [
    ["user_id", "user-11"],
    ["anonymous_id", "a11"],
  ]);
  const p12 = await profile(a, [
    ["user_id", "user-12"],
    ["anonymous_id", "a12"],
  ]);
  const p13 = await profile(a, [["anonymous_id", "shared"]]);
  const p14 = await profile(a, [["user_id", "shared"]]);
  await assign(a, experimentY, "user-10", YC, H);
  await assign(a, experimentY, "zzz", YC, H);
  await assign(a, experimentY, "shared", YC, H);
  await assign(a, experimentY, "a11", YT, 2 * H);
  await assign(a, experimentY, "user-12", YT, 3 * H);
  await assign(a, experimentY, "a12", YT, H);
  await event(a, p10, 2 * H, USD);
  await event(a, p11, 3 * H, USD);
  await event(a, p11, 4 * H, USD);
  await event(a, p12, 2 * H, USD); // after a12's exposure, before user-12's: counts from the earliest
  await event(a, p13, 2 * H, USD);
  await event(a, p13, 3 * H, USD);
  await event(a, p14, 2 * H, USD);

  // workspace B: an assignment to X, identities named like A's units (a5 has no profile in A), their orders, an
  // order of B on A's profile P1, and B's segment, which has a row naming P2 in A
  const q1 = await profile(b, [["anonymous_id", "a1"]]);
  const q5 = await profile(b, [["anonymous_id", "a5"]]);
  await db.assignment.create({
    data: {
      workspaceId: b.workspace.id,
      experimentId: experimentX,
      unitId: "a5",
      variationId: V2,
      assignedAt: new Date(T0 + H),
    },
  });
  await event(b, q1, 2 * H, { ...USD, revenue: 900 });
  await event(b, q5, 3 * H, { ...USD, revenue: 800 });
  await event(b, p1, 4 * H, { ...USD, revenue: 700 });
  segmentB = (await db.segment.create({ data: { workspaceId: b.workspace.id, name: "B's", kind: "static" } })).id;
  await member(p2, -D, null, segmentB);
});

afterAll(async () => {
  await closePgPool();
});

describe("metricSums", () => {
  it("adds up a sum goal's values and covariates per variation, leaving out a profile in two variations", async () => {
    const result = await metricSums(input({ kind: "sum" }));
    expect(result.multipleExposures).toBe(1);
    expect(result.cap).toBeNull();
    expectTotals(
      totals(result, C),
      expected([
        [50, 10],
        [0, 0],
        [70, 0],
      ]),
    );
    expectTotals(
      totals(result, V1),
      expected([
        [60, 40],
        [200, 20],
      ]),
    );
    expectTotals(
      totals(result, V2),
      expected([
        [0, 0],
        [10, 0],
        [25, 0],
      ]),
    );
    expect(new Set(result.rows.map((r) => r.variationId))).toEqual(new Set([C, V1, V2]));
  });

  it("counts events, conversions and a ratio's denominator", async () => {
    const count = await metricSums(input({ kind: "count" }));
    expectTotals(
      totals(count, C),
      expected([
        [2, 1],
        [0, 0],
        [2, 0],
      ]),
    );
    expectTotals(
      totals(count, V1),
      expected([
        [1, 1],
        [1, 2],
      ]),
    );
    expectTotals(
      totals(count, V2),
      expected([
        [0, 0],
        [3, 0],
        [1, 0],
      ]),
    );

    const conversion = await metricSums(input({ kind: "conversion" }));
    expectTotals(
      totals(conversion, C),
      expected([
        [1, 1],
        [0, 0],
        [1, 0],
      ]),
    );
    expectTotals(
      totals(conversion, V1),
      expected([
        [1, 1],
        [1, 1],
      ]),
    );
    expectTotals(
      totals(conversion, V2),
      expected([
        [0, 0],
        [1, 0],
        [1, 0],
      ]),
    );

    const ratio = await metricSums(input({ kind: "ratio" }));
    expectTotals(
      totals(ratio, C),
      expected([
        [50, 10, 2],
        [0, 0, 0],
        [70, 0, 2],
      ]),
    );
    expectTotals(
      totals(ratio, V1),
      expected([
        [60, 40, 1],
        [200, 20, 1],
      ]),
    );
    expectTotals(
      totals(ratio, V2),
      expected([
        [0, 0, 0],
        [10, 0, 3],
        [25, 0, 1],
      ]),
    );
  });

  it("has no covariate without CUPED days", async () => {
    const result = await metricSums(input({ kind: "sum", cupedDays: 0 }));
    expectTotals(
      totals(result, V1),
      expected([
        [60, 0],
        [200, 0],
      ]),
    );
    expect(result.rows.every((r) => r.covariateSum === 0 && r.covariateCross === 0)).toBe(true);
  });

  it("ignores events after now, cutting a window still open", async () => {
    // at T0+6d P6 has the string-valued order (0) and the 8 at T0+6d itself; the 2 at T0+10d is still to come
    const result = await metricSums(input({ kind: "count", now: new Date(T0 + 6 * D) }));
    expectTotals(
      totals(result, V2),
      expected([
        [0, 0],
        [2, 0],
        [1, 0],
      ]),
    );
  });

  it("winsorizes sum and ratio values at a percentile of all units, zeros included", async () => {
    const values = [50, 0, 70, 60, 200, 0, 10, 25];
    const cap = percentileCont(values, 0.9);
    expect(cap).toBeCloseTo(109, 9);
    const sum = await metricSums(input({ kind: "sum", capPercentile: 0.9 }));
    expect(sum.cap).toBeCloseTo(cap, 9);
    expectTotals(
      totals(sum, V1),
      expected([
        [60, 40],
        [cap, 20],
      ]),
    );
    expectTotals(
      totals(sum, C),
      expected([
        [50, 10],
        [0, 0],
        [70, 0],
      ]),
    );

    const ratio = await metricSums(input({ kind: "ratio", capPercentile: 0.9 }));
    expect(ratio.cap).toBeCloseTo(cap, 9);
    expectTotals(
      totals(ratio, V1),
      expected([
        [60, 40, 1],
        [cap, 20, 1],
      ]),
    );

    // at the median the zeros decide: 37.5 of all eight units (55 if the zeros were left out)
    const median = await metricSums(input({ kind: "sum", capPercentile: 0.5 }));
    expect(median.cap).toBeCloseTo(37.5, 9);
    expectTotals(
      totals(median, C),
      expected([
        [37.5, 10],
        [0, 0],
        [37.5, 0],
      ]),
    );
    expectTotals(
      totals(median, V2),
      expected([
        [0, 0],
        [10, 0],
        [25, 0],
      ]),
    );

    // count goals are not winsorized
    expect((await metricSums(input({ kind: "count", capPercentile: 0.9 }))).cap).toBeNull();
  });

  it("splits by the UTC day of the first exposure", async () => {
    const result = await metricSums(input({ kind: "sum" }));
    expect(buckets(result, C)).toEqual({ "2026-11-10": [1, 50], "2026-11-11": [1, 0], "2026-11-12": [1, 70] });
    expect(buckets(result, V1)).toEqual({ "2026-11-10": [1, 200], "2026-11-11": [1, 60] });
    expect(buckets(result, V2)).toEqual({ "2026-11-10": [1, 0], "2026-11-11": [1, 25], "2026-11-15": [1, 10] });
  });

  it("splits by the first assignment's device and by returning", async () => {
    const device = await metricSums(input({ kind: "sum", bucketing: { by: "device" } }));
    expect(buckets(device, C)).toEqual({ mobile: [1, 50], desktop: [1, 0], "": [1, 70] });
    expect(buckets(device, V1)).toEqual({ mobile: [1, 60], desktop: [1, 200] });
    expect(buckets(device, V2)).toEqual({ "": [1, 0], mobile: [1, 10], tablet: [1, 25] });

    const returning = await metricSums(input({ kind: "sum", bucketing: { by: "returning" } }));
    expect(buckets(returning, C)).toEqual({ returning: [2, 120], new: [1, 0] });
    expect(buckets(returning, V1)).toEqual({ new: [2, 260] });
    expect(buckets(returning, V2)).toEqual({ "": [2, 25], returning: [1, 10] });

    const country = await metricSums(input({ kind: "sum", bucketing: { by: "country" } }));
    expect(buckets(country, V1)).toEqual({ DE: [1, 60], "": [1, 200] });
  });

  it("splits by membership of a segment at the first exposure, and only of this workspace's segment", async () => {
    const result = await metricSums(input({ kind: "sum", bucketing: { by: "segment", segmentId: segmentA } }));
    expect(buckets(result, C)).toEqual({ in: [2, 120], out: [1, 0] });
    expect(buckets(result, V1)).toEqual({ out: [2, 260] });
    expect(buckets(result, V2)).toEqual({ in: [1, 25], out: [2, 10] });

    const other = await metricSums(input({ kind: "sum", bucketing: { by: "segment", segmentId: segmentB } }));
    expect(buckets(other, C)).toEqual({ out: [3, 120] });
  });

  it("resolves a user-id experiment's units by user id first, then anonymous id", async () => {
    const result = await metricSums(input({ kind: "count", experimentId: experimentY, unitType: "user_id" }));
    expect(result.multipleExposures).toBe(0);
    // YC: user-10 (1), zzz without profile (0), "shared" as P14's user id (1); YT: a11 (2), P12 from a12's exposure (1)
    expectTotals(
      totals(result, YC),
      expected([
        [1, 0],
        [0, 0],
        [1, 0],
      ]),
    );
    expectTotals(
      totals(result, YT),
      expected([
        [2, 0],
        [1, 0],
      ]),
    );
  });

  it("never reads another workspace's rows", async () => {
    // the sums above already exclude B's assignment, identities and orders; B itself sees only its own assignment
    const fromB = await metricSums(input({ kind: "sum", workspaceId: b.workspace.id }));
    expect(fromB.rows).toHaveLength(1);
    expect(fromB.rows[0]).toMatchObject({ variationId: V2, n: 1, sum: 800 });
  });
});
