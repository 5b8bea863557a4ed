import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { runWorkspaceQuery } from "@/lib/actions/query-client";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { storedIdentityValue, type IdentityType } from "@/lib/identity/normalize";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { getProfile, listProfiles, profileTraitKeys } from "./db/profiles";
import { recomputeRfmDef } from "./actions/recompute-rfm";
import { timelineQueryDef, type TimelinePage } from "./actions/load-timeline";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let a: Fixture;
let b: Fixture;
const ids: Record<string, string> = {};
const T0 = Date.parse("2026-10-01T00:00:00Z");

/** A profile with traits and raw identities (hashed here as ingest would), seen `minutesAgo` before T0. */
async function profile(
  w: Fixture,
  key: string,
  traits: Prisma.InputJsonObject,
  identities: [IdentityType, string][],
  minutesAgo: number,
) {
  const seen = new Date(T0 - minutesAgo * 60_000);
  const p = await db.profile.create({
    data: { workspaceId: w.workspace.id, traits, firstSeenAt: seen, lastSeenAt: seen },
  });
  await db.identity.createMany({
    data: identities.map(([type, raw]) => ({
      workspaceId: w.workspace.id,
      profileId: p.id,
      type,
      value: storedIdentityValue(type, raw, w.workspace.identitySalt)!,
    })),
  });
  ids[key] = p.id;
}

/** 120 events, 3 per second so that ties on occurredAt are broken by id; every third is an order. */
async function events(w: Fixture, profileId: string) {
  await db.event.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      workspaceId: w.workspace.id,
      profileId,
      type: "track",
      name: i % 3 === 0 ? "Order Completed" : "Product Viewed",
      properties: { i },
      messageId: `m-${randomBytes(6).toString("hex")}`,
      occurredAt: new Date(T0 + Math.floor(i / 3) * 1000),
    })),
  });
}

const search = async (q: string, w: Fixture = a) =>
  (await listProfiles(w.workspace, { q, page: 1 })).rows.map((r) => r.id).sort();
const keys = (...names: string[]) => names.map((n) => ids[n]).sort();

beforeAll(async () => {
  a = await createTestWorkspace("Alpha");
  b = await createTestWorkspace("Beta");
  await profile(
    a,
    "jane",
    { email: "Jane.Doe@example.com", first_name: "Jane", city: "Paris", loyalty_tier: "gold" },
    [
      ["user_id", "user_000123"],
      ["email", "jane.doe@example.com"],
      ["anonymous_id", "anon-jane"],
    ],
    1,
  );
  await profile(
    a,
    "hidden",
    { city: "Lyon" },
    [
      ["user_id", "user_000456"],
      ["email", "hidden@example.org"],
    ],
    2,
  );
  await profile(a, "quoted", { note: 'says "hi" 100%' }, [["anonymous_id", "anon-quoted"]], 3);
  await profile(a, "keyOnly", { Paris: "no", gold: false }, [], 4);
  await profile(
    b,
    "other",
    { email: "jane.doe@example.com", city: "Paris" },
    [
      ["user_id", "user_000123"],
      ["email", "jane.doe@example.com"],
    ],
    1,
  );
  await events(a, ids.jane!);
  await events(b, ids.other!);
});

describe("profile search", () => {
  it("finds an email by its trait (any part) and by its hashed identity (whole, any case)", async () => {
    expect(await search("doe@example")).toEqual(keys("jane"));
    expect(await search("Hidden@Example.ORG")).toEqual(keys("hidden"));
  });

  it("finds a user id exactly or by its beginning, and an anonymous id exactly", async () => {
    expect(await search("user_000123")).toEqual(keys("jane"));
    expect(await search("user_000")).toEqual(keys("jane", "hidden"));
    expect(await search("anon-quoted")).toEqual(keys("quoted"));
    expect(await search("user_0_0")).toEqual([]);
  });

  it("finds any trait value, case-insensitively, but not a trait key", async () => {
    expect(await search("paris")).toEqual(keys("jane"));
    expect(await search("GOLD")).toEqual(keys("jane"));
    expect(await search('"hi"')).toEqual(keys("quoted"));
    expect(await search("100%")).toEqual(keys("quoted"));
    expect(await search("%")).toEqual(keys("quoted"));
  });

  it("never returns another workspace's profiles", async () => {
    expect(await search("user_000123", b)).toEqual(keys("other"));
    expect(await search("jane.doe@example.com", b)).toEqual(keys("other"));
    const all = await listProfiles(a.workspace, { page: 1 });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.id)).toEqual([ids.jane, ids.hidden, ids.quoted, ids.keyOnly]);
  });

  it("lists the trait keys of the workspace for the column picker", async () => {
    expect(await profileTraitKeys(a.workspace.id)).toEqual([
      "Paris",
      "city",
      "email",
      "first_name",
      "gold",
      "loyalty_tier",
      "note",
    ]);
  });

  it("reads a profile only in its own workspace", async () => {
    expect(await getProfile(a.workspace.id, ids.other!)).toBeNull();
    expect((await getProfile(a.workspace.id, ids.jane!))?.identities).toHaveLength(3);
  });
});

describe("profile timeline", () => {
  async function allPages(input: Record<string, unknown>, onPage?: (n: number) => Promise<void>) {
    const seen: TimelinePage["events"] = [];
    let cursor: unknown = null;
    for (let n = 0; n < 10; n++) {
      const result = await runWorkspaceQuery(timelineQueryDef, a.member("viewer").userId, {
        workspaceId: a.workspace.id,
        profileId: ids.jane,
        cursor,
        ...input,
      });
      if (!result.ok) throw new Error(result.error.message);
      seen.push(...result.data.events);
      await onPage?.(n);
      if (!result.data.nextCursor) return seen;
      expect(result.data.events).toHaveLength(50);
      cursor = result.data.nextCursor;
    }
    throw new Error("the timeline never ended");
  }

  it("pages by cursor, newest first, without duplicates or gaps, even as new events arrive", async () => {
    const expected = await db.event.findMany({
      where: { workspaceId: a.workspace.id, profileId: ids.jane },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const seen = await allPages({}, async (n) => {
      // A newer event landing after the first page must not shift the next ones.
      if (n === 0)
        await db.event.create({
          data: {
            workspaceId: a.workspace.id,
            profileId: ids.jane!,
            type: "track",
            name: "Late",
            messageId: "late-1",
            occurredAt: new Date(T0 + 3_600_000),
          },
        });
    });
    expect(seen.map((e) => e.id)).toEqual(expected.map((e) => String(e.id)));
    expect(seen).toHaveLength(120);
  });

  it("filters by event name across pages", async () => {
    const orders = await allPages({ name: "Order Completed" });
    expect(orders).toHaveLength(40);
    expect(new Set(orders.map((e) => e.name))).toEqual(new Set(["Order Completed"]));
    expect(orders.map((e) => (e.properties as { i: number }).i)).toEqual(
      Array.from({ length: 40 }, (_, k) => 117 - 3 * k),
    );
  });

  it("refuses a member of another workspace, and finds nothing for another workspace's profile", async () => {
    const outsider = await runWorkspaceQuery(timelineQueryDef, b.member("admin").userId, {
      workspaceId: a.workspace.id,
      profileId: ids.jane,
    });
    expect(outsider).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const crossed = await runWorkspaceQuery(timelineQueryDef, a.member("admin").userId, {
      workspaceId: a.workspace.id,
      profileId: ids.other,
    });
    expect(crossed).toMatchObject({ ok: false, error: { code: "not_found" } });
    const bad = await runWorkspaceQuery(timelineQueryDef, a.member("viewer").userId, {
      workspaceId: a.workspace.id,
      profileId: ids.jane,
      cursor: { occurredAt: "yesterday", id: "1" },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });
});

describe("recomputing RFM", () => {
  it("lets editors rescore their own workspace only", async () => {
    await db.profile.updateMany({
      where: { workspaceId: { in: [a.workspace.id, b.workspace.id] } },
      data: { orders: 2, revenue: 90, lastOrderAt: new Date(T0) },
    });
    expect(
      await runWorkspaceAction(recomputeRfmDef, a.member("viewer").userId, { workspaceId: a.workspace.id }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(
      await runWorkspaceAction(recomputeRfmDef, b.member("admin").userId, { workspaceId: a.workspace.id }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(
      await runWorkspaceAction(recomputeRfmDef, a.member("editor").userId, { workspaceId: a.workspace.id }),
    ).toEqual({ ok: true, data: { scored: 4 } });
    const scored = await db.profile.findMany({ where: { workspaceId: a.workspace.id }, select: { rfmRecency: true } });
    expect(scored.every((p) => p.rfmRecency !== null)).toBe(true);
    expect(
      await db.profile.findFirst({ where: { id: ids.other }, select: { rfmRecency: true, rfmComputedAt: true } }),
    ).toEqual({ rfmRecency: null, rfmComputedAt: null });
    expect(
      await db.auditLog.count({
        where: { workspaceId: a.workspace.id, action: "profile.recompute_rfm", actorId: a.member("editor").userId },
      }),
    ).toBe(1);
  });
});
