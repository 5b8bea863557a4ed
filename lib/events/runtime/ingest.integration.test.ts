import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as alias } from "@/app/api/v1/alias/route";
import { POST as batch } from "@/app/api/v1/batch/route";
import { POST as consent } from "@/app/api/v1/consent/route";
import { POST as identify } from "@/app/api/v1/identify/route";
import { POST as track } from "@/app/api/v1/track/route";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { storedIdentityValue } from "@/lib/identity/normalize";
import { subscribe } from "@/lib/signals/bus";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";
import { serveRoutes } from "@/scripts/test/route-server";

let workspace: { id: string; identitySalt: string };
let key: string;

const post = (handler: (r: Request) => Promise<Response>, body: unknown, auth = key) =>
  handler(
    new Request("http://localhost/api/v1/x", {
      method: "POST",
      headers: { authorization: `Bearer ${auth}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const eventsOf = (profileId: string) =>
  db.event.findMany({ where: { workspaceId: workspace.id, profileId }, orderBy: { occurredAt: "asc" } });
const profileByIdentity = async (type: "anonymous_id" | "user_id" | "email", raw: string) => {
  const value = storedIdentityValue(type, raw, workspace.identitySalt)!;
  const identity = await db.identity.findUnique({
    where: { workspaceId_type_value: { workspaceId: workspace.id, type, value } },
  });
  return identity?.profileId ?? null;
};
const eventCount = () => db.event.count({ where: { workspaceId: workspace.id } });

beforeAll(async () => {
  workspace = (await createTestWorkspace("Ingest", ["admin"])).workspace;
  key = await createTestApiKey(workspace.id, "write");
});
afterAll(() => closePgPool());

describe("Segment-compatible ingest", () => {
  it("stores what Segment's own Node library sends", async () => {
    const server = await serveRoutes({ "POST /v1/batch": batch });
    const analytics = new Analytics({ writeKey: key, host: server.url, path: "/v1/batch", flushAt: 3, maxRetries: 0 });
    analytics.identify({
      userId: "seg-user",
      traits: { first_name: "Grace", email: "Grace@Example.com", plan: "pro" },
    });
    analytics.track({ userId: "seg-user", event: "Product Viewed", properties: { product_id: "p1", price: 42 } });
    analytics.page({ userId: "seg-user", name: "Home", properties: { url: "https://shop.example/" } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    await server.close();

    const profileId = await profileByIdentity("user_id", "seg-user");
    expect(profileId).not.toBeNull();
    expect(await profileByIdentity("email", "grace@example.com")).toBe(profileId);
    const stored = await eventsOf(profileId!);
    expect(stored.map((e) => [e.type, e.name]).sort()).toEqual([
      ["identify", "Identify"],
      ["page", "Home"],
      ["track", "Product Viewed"],
    ]);
    const profile = await db.profile.findUniqueOrThrow({ where: { id: profileId! } });
    expect(profile.traits).toMatchObject({ first_name: "Grace", plan: "pro" });
    expect(profile.eventCount).toBe(3);
  });

  it("accepts the write key as Basic-auth user name or in the body", async () => {
    const basic = await track(
      new Request("http://localhost/api/v1/track", {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
        body: JSON.stringify({ anonymousId: "basic-1", event: "Basic" }),
      }),
    );
    expect(basic.status).toBe(200);
    const inBody = await track(
      new Request("http://localhost/api/v1/track", {
        method: "POST",
        body: JSON.stringify({ writeKey: key, anonymousId: "body-1", event: "Body" }),
      }),
    );
    expect(inBody.status).toBe(200);
  });

  it("stores a retried messageId once", async () => {
    const message = { anonymousId: "retry-1", event: "Checkout Started", messageId: "m-retry-1" };
    for (let i = 0; i < 3; i++) expect((await post(track, message)).status).toBe(200);
    const again = await post(batch, {
      batch: [
        { ...message, type: "track" },
        { ...message, type: "track" },
      ],
    });
    expect(await again.json()).toMatchObject({ accepted: 2, stored: 0, duplicates: 2 });
    expect(await db.event.count({ where: { workspaceId: workspace.id, messageId: "m-retry-1" } })).toBe(1);
    const profile = await db.profile.findUniqueOrThrow({
      where: { id: (await profileByIdentity("anonymous_id", "retry-1"))! },
    });
    expect(profile.eventCount).toBe(1);
  });

  it("stores the new events of a batch that repeats some stored ones, on the same connection after the first attempt fails", async () => {
    const first = { type: "track", anonymousId: "partly-retried", event: "Product Viewed", messageId: "m-partly-1" };
    expect(await (await post(batch, { batch: [first] })).json()).toMatchObject({ stored: 1 });
    const res = await post(batch, {
      batch: [{ ...first, messageId: "m-partly-2" }, first, { ...first, messageId: "m-partly-3" }],
    });
    expect(await res.json()).toMatchObject({ accepted: 3, stored: 2, duplicates: 1 });
    const profileId = (await profileByIdentity("anonymous_id", "partly-retried"))!;
    expect(
      (await db.event.findMany({ where: { profileId }, orderBy: { messageId: "asc" } })).map((e) => e.messageId),
    ).toEqual(["m-partly-1", "m-partly-2", "m-partly-3"]);
    expect(await db.profile.findUniqueOrThrow({ where: { id: profileId } })).toMatchObject({ eventCount: 3 });
    expect((await db.profileDailyRollup.findMany({ where: { profileId } })).reduce((n, r) => n + r.count, 0)).toBe(3);
  });

  it("stores a messageId repeated within one batch once, and counts it once", async () => {
    const message = {
      type: "track",
      anonymousId: "dup-in-batch",
      event: "Order Completed",
      messageId: "m-dup-batch",
      properties: { revenue: 10 },
    };
    const res = await post(batch, { batch: [message, message, message] });
    expect(await res.json()).toMatchObject({ accepted: 3, stored: 1, duplicates: 2 });
    const profile = await db.profile.findUniqueOrThrow({
      where: { id: (await profileByIdentity("anonymous_id", "dup-in-batch"))! },
    });
    expect(profile).toMatchObject({ eventCount: 1, orders: 1 });
  });

  it("corrects the device's clock skew from sentAt and originalTimestamp", async () => {
    const before = Date.now();
    const res = await post(track, {
      anonymousId: "skew-1",
      event: "Skewed",
      originalTimestamp: "2030-01-01T00:00:00.000Z",
      sentAt: "2030-01-01T00:00:10.000Z",
    });
    expect(res.status).toBe(200);
    const [event] = await eventsOf((await profileByIdentity("anonymous_id", "skew-1"))!);
    const expected = event!.receivedAt.getTime() - 10_000;
    expect(event!.occurredAt.getTime()).toBe(expected);
    expect(expected).toBeGreaterThan(before - 11_000);
  });

  it("merges an anonymous visitor into the customer they identify as, with all events", async () => {
    for (const name of ["Product Viewed", "Product Added"])
      expect((await post(track, { anonymousId: "anon-merge", event: name })).status).toBe(200);
    expect(
      (await post(track, { userId: "customer-merge", event: "Order Completed", properties: { revenue: 99.5 } })).status,
    ).toBe(200);
    const anonProfile = await profileByIdentity("anonymous_id", "anon-merge");
    const knownProfile = await profileByIdentity("user_id", "customer-merge");
    expect(anonProfile).not.toBe(knownProfile);

    expect(
      (await post(identify, { anonymousId: "anon-merge", userId: "customer-merge", traits: { first_name: "Ada" } }))
        .status,
    ).toBe(200);
    expect(await profileByIdentity("anonymous_id", "anon-merge")).toBe(knownProfile);
    expect(await db.profile.findUnique({ where: { id: anonProfile! } })).toBeNull();
    const events = await eventsOf(knownProfile!);
    expect(events.map((e) => e.name).sort()).toEqual([
      "Identify",
      "Order Completed",
      "Product Added",
      "Product Viewed",
    ]);
    const merged = await db.profile.findUniqueOrThrow({ where: { id: knownProfile! }, include: { merges: true } });
    expect(merged).toMatchObject({ eventCount: 4, orders: 1, traits: { first_name: "Ada" } });
    expect(Number(merged.revenue)).toBe(99.5);
    expect(merged.merges).toMatchObject([
      { mergedProfileId: anonProfile, reason: "identify", linkedBy: "anonymous_id" },
    ]);
    const rollups = await db.profileDailyRollup.aggregate({
      where: { workspaceId: workspace.id, profileId: knownProfile! },
      _sum: { count: true },
    });
    expect(rollups._sum.count).toBe(4);
  });

  it("links through alias", async () => {
    expect((await post(track, { anonymousId: "alias-anon", event: "Signed Up" })).status).toBe(200);
    expect((await post(alias, { previousId: "alias-anon", userId: "alias-user" })).status).toBe(200);
    expect(await profileByIdentity("user_id", "alias-user")).toBe(
      await profileByIdentity("anonymous_id", "alias-anon"),
    );
  });

  it("never merges two profiles that carry different userIds", async () => {
    expect((await post(identify, { userId: "alice", anonymousId: "shared-laptop" })).status).toBe(200);
    expect((await post(identify, { userId: "bob", anonymousId: "shared-laptop" })).status).toBe(200);
    const alice = await profileByIdentity("user_id", "alice");
    const bob = await profileByIdentity("user_id", "bob");
    expect(alice).not.toBeNull();
    expect(bob).not.toBeNull();
    expect(alice).not.toBe(bob);
    expect(
      await db.profileMerge.count({ where: { workspaceId: workspace.id, survivorId: { in: [alice!, bob!] } } }),
    ).toBe(0);
  });

  it("stores no events of a profile that refused analytics, but keeps the consent change", async () => {
    expect((await post(track, { anonymousId: "private-1", event: "Before Opt Out" })).status).toBe(200);
    expect(
      (await post(consent, { anonymousId: "private-1", consent: { analytics: false, marketing: false } })).status,
    ).toBe(200);
    expect((await post(track, { anonymousId: "private-1", event: "After Opt Out" })).status).toBe(200);
    expect(
      (await post(identify, { anonymousId: "private-1", traits: { consent: { personalization: true } } })).status,
    ).toBe(200);
    const profileId = (await profileByIdentity("anonymous_id", "private-1"))!;
    expect((await eventsOf(profileId)).map((e) => e.name)).toEqual(["Before Opt Out"]);
    const profile = await db.profile.findUniqueOrThrow({
      where: { id: profileId },
      include: { consentChanges: { orderBy: { id: "asc" } } },
    });
    expect(profile.consent).toMatchObject({
      analytics: { granted: false },
      marketing: { granted: false },
      personalization: { granted: true },
    });
    expect(profile.consentChanges.map((c) => [c.purpose, c.granted, c.source])).toEqual([
      ["analytics", false, "consent_api"],
      ["marketing", false, "consent_api"],
      ["personalization", true, "identify"],
    ]);
  });
});

describe("signals", () => {
  it("tells eventsStored's subscribers after the commit, and a subscriber that throws fails neither the ingest nor the others", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const seen: { profileIds: readonly string[]; visitors: readonly { userId?: string }[]; stored: number }[] = [];
    const unsubscribe = [
      subscribe("eventsStored", "test.broken", () => {
        throw new Error("listener trouble");
      }),
      subscribe("eventsStored", "test.rejecting", async () => {
        throw new Error("async listener trouble");
      }),
      subscribe("eventsStored", "test.witness", ({ workspaceId, profileIds, visitors }) => {
        if (workspaceId !== workspace.id) return;
        // synchronous delivery after the commit: the events are already visible to another connection
        void eventCount().then((stored) => seen.push({ profileIds, visitors, stored }));
      }),
    ];
    try {
      const before = await eventCount();
      const res = await post(track, { userId: "signal-user", event: "Signal Tested", messageId: "signal-1" });
      expect(res.status).toBe(200);
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      const profileId = await profileByIdentity("user_id", "signal-user");
      expect(seen[0]).toMatchObject({ profileIds: [profileId], visitors: [{ userId: "signal-user" }] });
      expect(seen[0]!.stored).toBe(before + 1);
      expect(error).toHaveBeenCalledWith("[signals] test.broken failed on eventsStored:", "listener trouble");
      await vi.waitFor(() =>
        expect(error).toHaveBeenCalledWith(
          "[signals] test.rejecting failed on eventsStored:",
          "async listener trouble",
        ),
      );
    } finally {
      unsubscribe.forEach((u) => u());
      error.mockRestore();
    }
  });
});

describe("concurrency", () => {
  it("concurrent batches that share identities neither split people nor lose events", async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ anon: `conc-anon-${i}`, user: `conc-user-${i}` }));
    const batches = Array.from({ length: 8 }, (_, b) => ({
      batch: people.flatMap((p, i) => [
        { type: "track", anonymousId: p.anon, event: "Product Viewed", messageId: `conc-${b}-${i}-v` },
        ...(b % 2 === i % 2
          ? [{ type: "identify", anonymousId: p.anon, userId: p.user, messageId: `conc-${b}-${i}-id` }]
          : []),
        {
          type: "track",
          userId: p.user,
          event: "Order Completed",
          properties: { revenue: 1 },
          messageId: `conc-${b}-${i}-o`,
        },
      ]),
    }));
    const answers = await Promise.all(batches.map((body) => post(batch, body)));
    expect(answers.map((a) => a.status)).toEqual(batches.map(() => 200));
    const acknowledged = batches.reduce((n, b) => n + b.batch.length, 0);
    expect(await db.event.count({ where: { workspaceId: workspace.id, messageId: { startsWith: "conc-" } } })).toBe(
      acknowledged,
    );
    for (const p of people) {
      const profileId = await profileByIdentity("user_id", p.user);
      expect(await profileByIdentity("anonymous_id", p.anon)).toBe(profileId);
      const profile = await db.profile.findUniqueOrThrow({ where: { id: profileId! } });
      expect(profile.orders).toBe(8);
      expect(
        await db.event.count({
          where: { workspaceId: workspace.id, profileId: profileId!, messageId: { startsWith: "conc-" } },
        }),
      ).toBe(profile.eventCount);
      const rolledUp = await db.profileDailyRollup.aggregate({
        where: { workspaceId: workspace.id, profileId: profileId! },
        _sum: { count: true },
      });
      expect(rolledUp._sum.count).toBe(profile.eventCount);
    }
  });
});

describe("bad input", () => {
  const cases: [string, (r: Request) => Promise<Response>, unknown, number, string, string?][] = [
    ["no identity", track, { event: "X" }, 400, "invalid_body", "userId"],
    ["no event name", track, { anonymousId: "a", event: "" }, 400, "invalid_body", "event"],
    [
      "bad timestamp",
      track,
      { anonymousId: "a", event: "X", timestamp: "yesterday" },
      400,
      "invalid_body",
      "timestamp",
    ],
    ["alias without userId", alias, { previousId: "a" }, 400, "invalid_body", "userId"],
    ["not JSON", track, "{nope", 400, "invalid_json"],
    [
      "over 32 KB",
      track,
      { anonymousId: "a", event: "X", properties: { blob: "x".repeat(33 * 1024) } },
      413,
      "payload_too_large",
    ],
    ["empty batch", batch, { batch: [] }, 400, "invalid_body", "batch"],
    [
      "batch over 2,500",
      batch,
      { batch: Array.from({ length: 2501 }, () => ({ type: "track", anonymousId: "a", event: "X" })) },
      400,
      "invalid_body",
      "batch",
    ],
    [
      "batch over 500 KB",
      batch,
      {
        batch: Array.from({ length: 20 }, () => ({
          type: "track",
          anonymousId: "a",
          event: "X",
          properties: { blob: "x".repeat(30 * 1024) },
        })),
      },
      413,
      "payload_too_large",
    ],
    [
      "unknown type in batch",
      batch,
      { batch: [{ type: "shout", anonymousId: "a" }] },
      400,
      "invalid_body",
      "batch.0.type",
    ],
    ["consent without purpose", consent, { anonymousId: "a", consent: {} }, 400, "invalid_body", "consent"],
    [
      "a timestamp before 1900",
      track,
      { anonymousId: "a", event: "X", timestamp: "1899-12-31T23:59:59Z" },
      400,
      "invalid_body",
      "timestamp",
    ],
    [
      "a sentAt skew that puts the event past 9999",
      track,
      { anonymousId: "a", event: "X", originalTimestamp: "9999-12-31T23:59:59Z", sentAt: "2026-11-30T00:00:00Z" },
      400,
      "invalid_body",
      "originalTimestamp",
    ],
    [
      "a revenue over 1,000,000,000",
      track,
      { anonymousId: "a", event: "Order Completed", properties: { revenue: 1e300 } },
      400,
      "invalid_body",
      "properties.revenue",
    ],
    [
      "a batch's sentAt after 9999",
      batch,
      { sentAt: "+010000-01-01T00:00:00Z", batch: [{ type: "track", anonymousId: "a", event: "X" }] },
      400,
      "invalid_body",
      "sentAt",
    ],
    [
      "properties nested 5,000 deep",
      track,
      `{"anonymousId":"a","event":"X","properties":{"a":${"[".repeat(5_000)}${"]".repeat(5_000)}}}`,
      400,
      "invalid_body",
    ],
    [
      "a batch item nested 100 deep",
      batch,
      `{"batch":[{"type":"track","anonymousId":"a","event":"X","properties":{"a":${"[".repeat(100)}${"]".repeat(100)}}}]}`,
      400,
      "invalid_body",
    ],
  ];
  for (const [name, handler, body, status, code, path] of cases) {
    it(`refuses ${name} with ${status} ${code}, storing nothing`, async () => {
      const before = await eventCount();
      const response = await post(handler, body);
      expect(response.status).toBe(status);
      const json = (await response.json()) as {
        error: { code: string; message: string; issues?: { path: string; message: string }[] };
      };
      expect(json.error.code).toBe(code);
      expect(json.error.message).toBeTruthy();
      if (path) expect(json.error.issues?.map((i) => i.path)).toContain(path);
      expect(await eventCount()).toBe(before);
    });
  }

  it("refuses a missing or wrong key with 401, and a key without the ingest scope with 403", async () => {
    expect((await post(track, { anonymousId: "a", event: "X" }, "wk_wrong")).status).toBe(401);
    const clientOnly = await createTestApiKey(workspace.id, "client");
    await db.apiKey.updateMany({
      where: { workspaceId: workspace.id, prefix: clientOnly.slice(0, 10) },
      data: { scopes: ["decide"] },
    });
    expect((await post(track, { anonymousId: "a", event: "X" }, clientOnly)).status).toBe(403);
  });

  it("stores the good items of a batch and reports the bad ones by index, field and reason", async () => {
    const before = await eventCount();
    const response = await post(batch, {
      batch: [
        { type: "track", anonymousId: "mixed-1", event: "Good One" },
        { type: "track", event: "No Identity" },
        { type: "page", anonymousId: "mixed-1", name: "Home" },
        { type: "track", anonymousId: "mixed-1", event: "Big", properties: { blob: "x".repeat(33 * 1024) } },
        { type: "track", anonymousId: "mixed-1", event: "Nul", properties: { list: ["ok", "not\u0000ok"] } },
        {
          type: "track",
          anonymousId: "mixed-1",
          event: "Written out",
          properties: { text: "\\u0000 is six characters" },
        },
      ],
    });
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json).toMatchObject({ success: true, accepted: 3, stored: 3 });
    expect(json.failed).toEqual([
      { index: 1, issues: [{ path: "userId", message: "userId or anonymousId is required" }] },
      { index: 3, issues: [{ path: "", message: expect.stringContaining("limit is 32 KB") }] },
      { index: 4, issues: [{ path: "properties.list.1", message: "must not contain the NUL character (U+0000)" }] },
    ]);
    expect(await eventCount()).toBe(before + 3);
  });

  it("stores properties nested as deep as the limit allows", async () => {
    const nested = "[".repeat(60) + "1" + "]".repeat(60); // a track's properties are at depth 2: 62 in all, within 64
    const response = await post(
      track,
      `{"anonymousId":"deep-ok","event":"Deep","messageId":"m-deep-ok","properties":{"a":${nested}}}`,
    );
    expect(response.status).toBe(200);
    const stored = await db.event.findFirstOrThrow({ where: { workspaceId: workspace.id, messageId: "m-deep-ok" } });
    expect(JSON.stringify(stored.properties)).toBe(`{"a":${nested}}`);
  });

  it("refuses U+0000 and unpaired surrogates (which Postgres cannot store) anywhere in a message with its path, and stores nothing of it", async () => {
    const before = await eventCount();
    const cases: [unknown, string][] = [
      [{ anonymousId: "a\u0000b", event: "E" }, "anonymousId"],
      [{ anonymousId: "nul-1", event: "E\u0000" }, "event"],
      [{ anonymousId: "nul-1", event: "E", properties: { "key\u0000": 1 } }, "properties.key\u0000"],
      [
        { anonymousId: "nul-1", event: "E", context: { page: { url: "https://shop.example/\u0000" } } },
        "context.page.url",
      ],
    ];
    for (const [message, path] of cases) {
      const response = await post(track, message);
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues).toEqual([
        { path, message: "must not contain the NUL character (U+0000)" },
      ]);
    }
    // an unpaired surrogate, as a client's JSON may escape one: jsonb refuses it (an escaped emoji pair is fine)
    const lone = await post(track, '{"anonymousId":"sur-1","event":"E","properties":{"name":"\\ud800"}}');
    expect(lone.status).toBe(400);
    expect((await lone.json()).error.issues).toEqual([
      { path: "properties.name", message: "must be valid Unicode (it holds an unpaired surrogate, U+D800–U+DFFF)" },
    ]);
    expect(
      (await post(track, '{"anonymousId":"sur-1","event":"E","properties":{"name":"\\uD83D\\uDE00"}}')).status,
    ).toBe(200);
    // in a batch's shared context, every item would inherit it: the whole batch is refused
    const shared = await post(batch, {
      context: { campaign: { name: "\u0000" } },
      batch: [{ type: "track", anonymousId: "nul-1", event: "E" }],
    });
    expect(shared.status).toBe(400);
    expect((await shared.json()).error.issues).toEqual([
      { path: "context.campaign.name", message: "must not contain the NUL character (U+0000)" },
    ]);
    expect(await eventCount()).toBe(before + 1); // the emoji
  });
});
