import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashApiKey } from "@/lib/api-keys/secret";
import { verifyCredentials } from "@/lib/auth/credentials";
import { seedDemo } from "./demo";

const writeKey = "wk_integrationWriteKey000000000000";
const clientKey = "ck_integrationClientKey00000000000";

describe("seedDemo", () => {
  it("builds the demo workspace once, with hashed keys, consistent rollups and working logins", async () => {
    const databaseUrl = process.env.DATABASE_URL ?? "";
    const first = await seedDemo({ databaseUrl, profiles: 80, days: 14, seed: 7, writeKey, clientKey });
    expect(first).toMatchObject({ created: true, workspaceSlug: "demo", writeKey, clientKey });

    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    expect(await db.profile.count({ where: { workspaceId: workspace.id } })).toBe(80);
    const events = await db.event.count({ where: { workspaceId: workspace.id } });
    expect(events).toBeGreaterThan(80 * 5);
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

    const again = await seedDemo({ databaseUrl, profiles: 80, days: 14, seed: 7 });
    expect(again.created).toBe(false);
    expect(await db.event.count({ where: { workspaceId: workspace.id } })).toBe(events);
  });
});
