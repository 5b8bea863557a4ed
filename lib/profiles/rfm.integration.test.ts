import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { recomputeAllRfm } from "./runtime/rfm-schedule";

afterAll(() => closePgPool());

describe("RFM", () => {
  it("scores buyers in quintiles of recency, frequency and revenue, and no one else", async () => {
    const { workspace } = await createTestWorkspace("Rfm", ["admin"]);
    const day = 86_400_000;
    const now = Date.now();
    // ten buyers: buyer i ordered i+1 times, spent 100·(i+1), last ordered 10−i days ago
    for (let i = 0; i < 10; i++) {
      await db.profile.create({
        data: {
          id: `rfm-${workspace.id}-${i}`,
          workspaceId: workspace.id,
          firstSeenAt: new Date(now - 30 * day),
          lastSeenAt: new Date(now),
          orders: i + 1,
          revenue: 100 * (i + 1),
          lastOrderAt: new Date(now - (10 - i) * day),
        },
      });
    }
    await db.profile.create({
      data: {
        id: `rfm-${workspace.id}-browser`,
        workspaceId: workspace.id,
        firstSeenAt: new Date(now),
        lastSeenAt: new Date(now),
        rfmRecency: 5,
      },
    });

    expect(await recomputeAllRfm()).not.toBeNull();
    const scores = await db.profile.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { id: "asc" },
      select: { id: true, rfmRecency: true, rfmFrequency: true, rfmMonetary: true },
    });
    const byId = new Map(scores.map((s) => [s.id, s]));
    for (let i = 0; i < 10; i++) {
      const quintile = Math.floor(i / 2) + 1;
      expect(byId.get(`rfm-${workspace.id}-${i}`)).toMatchObject({
        rfmRecency: quintile,
        rfmFrequency: quintile,
        rfmMonetary: quintile,
      });
    }
    expect(byId.get(`rfm-${workspace.id}-browser`)).toMatchObject({
      rfmRecency: null,
      rfmFrequency: null,
      rfmMonetary: null,
    });
  });
});
