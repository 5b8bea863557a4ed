import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as decideRoute } from "@/app/api/v1/decide/route";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { handleBatch } from "@/lib/events/runtime/handlers";
import { createTestApiKey, createTestIdentitySecret, createTestWorkspace } from "@/scripts/test/fixtures";
import { createHeroForPros } from "@/scripts/test/hero-fixture";
import { placementImpressions } from "@/lib/content/db/get-placement";
import { exposureStats, flushExposures } from "./exposure-buffer";
import { stopConfigListener } from "./snapshot-store";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let key: string;
let placementId: string;
let experienceId: string;
let signed: <B extends { userId?: string | number }>(body: B) => B & { userHash?: string };

/** A client key's decide, its userId signed as the storefront's server would (signed-user-ids.integration.test.ts tests unsigned ones). */
const decideViaApp = async (body: object, headers: Record<string, string> = {}) => {
  const response = await decideRoute(
    new Request("http://localhost/api/v1/decide", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, ...headers },
      body: JSON.stringify(signed(body)),
    }),
  );
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  ws = await createTestWorkspace("Decide", ["admin", "editor"]);
  key = await createTestApiKey(ws.workspace.id, "client");
  ({ signed } = await createTestIdentitySecret(ws.workspace.id));
  ({ placementId, experienceId } = await createHeroForPros(ws));
});

afterAll(async () => {
  await stopConfigListener();
  await closePgPool();
});

describe("POST /api/v1/decide", () => {
  it("serves the matching experience to a known visitor and the default to others, reporting unknown placements", async () => {
    const pro = await decideViaApp({
      userId: "pro-1",
      placements: ["home-hero", "nowhere"],
      context: { url: "https://shop.example/" },
    });
    expect(pro.status).toBe(200);
    expect(pro.body).toMatchObject({
      decisions: {
        "home-hero": { experienceId, content: "<h1>Hi Pia, pro</h1>", reason: "experience", contentType: "html" },
      },
      unknownPlacements: ["nowhere"],
    });
    expect(pro.body).not.toHaveProperty("profileId"); // a client key's answer names no profile
    expect(
      (await decideViaApp({ anonymousId: "anon-pro", placements: ["home-hero"] })).body.decisions["home-hero"]
        .experienceId,
    ).toBe(experienceId);
    expect(
      (await decideViaApp({ userId: "free-1", placements: ["home-hero"] })).body.decisions["home-hero"],
    ).toMatchObject({ content: "<h1>Welcome</h1>", reason: "default" });
    expect((await decideViaApp({ anonymousId: "never-seen", placements: ["home-hero"] })).body).toMatchObject({
      decisions: { "home-hero": { reason: "default" } },
    });
  });

  it("records each served decision as one exposure row, off the request path, and counts impressions per placement and day", async () => {
    await decideViaApp({ userId: "pro-1", placements: ["home-hero", "nowhere"] });
    await decideViaApp({ anonymousId: "brand-new", placements: ["home-hero"] });
    await flushExposures();
    const exposures = await db.exposure.findMany({
      where: { workspaceId: ws.workspace.id, placementIds: { has: placementId } },
    });
    expect(exposures.some((e) => e.profileId !== null)).toBe(true);
    const brandNew = exposures.find((e) => e.profileId === null && e.anonymousId === "brand-new");
    expect(brandNew).toMatchObject({ placementIds: [placementId], variantIds: [expect.any(String)], impressions: 1 });
    const variant = await db.variant.findUniqueOrThrow({
      where: { id: brandNew!.variantIds[0] },
      include: { experience: true },
    });
    expect(variant.experience.placementId).toBe(placementId); // the fallback's variant: the visitor is not a pro

    // exposures are written with COPY: an id with COPY's special characters arrives as sent
    const odd = 'odd\\id\twith\ntab and \\N "quoted" {braces}';
    await decideViaApp({ anonymousId: odd, placements: ["home-hero"] });
    await flushExposures();
    expect(await db.exposure.count({ where: { workspaceId: ws.workspace.id, anonymousId: odd } })).toBe(1);

    // the same visitor served the same decision three times before a write: one row, three impressions
    for (let i = 0; i < 3; i++) await decideViaApp({ anonymousId: "thrice", placements: ["home-hero"] });
    await flushExposures();
    const thrice = await db.exposure.findMany({ where: { workspaceId: ws.workspace.id, anonymousId: "thrice" } });
    expect(thrice.map((e) => e.impressions)).toEqual([3]);

    // the day counts add up to the impressions of the rows, on their UTC dates
    const rows = await db.exposure.findMany({ where: { workspaceId: ws.workspace.id } });
    const impressions = rows.reduce(
      (n, e) => n + e.impressions * e.placementIds.filter((p) => p === placementId).length,
      0,
    );
    expect((await placementImpressions(ws.workspace.id)).get(placementId)).toBe(impressions);
    const days = await db.placementImpression.findMany({ where: { workspaceId: ws.workspace.id } });
    expect(new Set(days.map((d) => d.day.toISOString().slice(0, 10)))).toEqual(
      new Set(rows.map((e) => e.occurredAt.toISOString().slice(0, 10))),
    );
  });

  it("drops exposure rows that Postgres refuses instead of retrying them forever, and goes on writing the next ones", async () => {
    await flushExposures();
    await db.$executeRawUnsafe(
      `ALTER TABLE exposures ADD CONSTRAINT test_refuses_poison CHECK (anonymous_id IS DISTINCT FROM 'poison')`,
    );
    try {
      const before = exposureStats();
      await decideViaApp({ anonymousId: "poison", placements: ["home-hero"] });
      await flushExposures();
      expect(exposureStats()).toMatchObject({ pending: 0, dropped: before.dropped + 1, written: before.written });
      await decideViaApp({ anonymousId: "after-poison", placements: ["home-hero"] });
      await flushExposures();
      expect(await db.exposure.count({ where: { workspaceId: ws.workspace.id, anonymousId: "after-poison" } })).toBe(1);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE exposures DROP CONSTRAINT test_refuses_poison`);
    }
  });

  it("refuses bad input with the field and reason, and keys without the decide scope", async () => {
    const bad = await decideViaApp({ placements: [], context: { country: "Germany" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["placements", "context.country"]),
    );
    const nul = await decideViaApp({ anonymousId: "nul\u0000", placements: ["home-hero"] });
    expect(nul).toEqual({
      status: 400,
      body: {
        error: expect.objectContaining({
          issues: [{ path: "anonymousId", message: "must not contain the NUL character (U+0000)" }],
        }),
      },
    });
    const ingestOnly = await createTestApiKey(ws.workspace.id, "write");
    const refused = await decideRoute(
      new Request("http://localhost/api/v1/decide", {
        method: "POST",
        headers: { authorization: `Bearer ${ingestOnly}` },
        body: JSON.stringify({ placements: ["home-hero"] }),
      }),
    );
    expect(refused.status).toBe(403);
  });

  it("reads nothing for an id the client has just created, and forgets a cached visitor when its events arrive", async () => {
    expect(
      (await decideViaApp({ anonymousId: "anon-pro", placements: ["home-hero"] })).body.decisions["home-hero"].reason,
    ).toBe("experience");
    // the client says it minted this id on this page: no lookup, so no profile, even though one exists
    expect(
      (await decideViaApp({ anonymousId: "anon-pro", newVisitor: true, placements: ["home-hero"] })).body.decisions[
        "home-hero"
      ].reason,
    ).toBe("default");

    expect(
      (await decideViaApp({ userId: "free-1", placements: ["home-hero"] })).body.decisions["home-hero"].reason,
    ).toBe("default");
    await handleBatch(
      { ...ws.workspace, storePlainPii: true },
      { batch: [{ type: "identify", userId: "free-1", traits: { plan: "pro", first_name: "Fred" } }] },
    );
    // read again at once (the cached visitor was dropped by its own event), not after the cache's lifetime
    expect(
      (await decideViaApp({ userId: "free-1", placements: ["home-hero"] })).body.decisions["home-hero"],
    ).toMatchObject({ reason: "experience", content: "<h1>Hi Fred, pro</h1>" });
  });
});
