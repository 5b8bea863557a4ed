import { db } from "@/lib/db/client";
import type { BanditSummary } from "../types";

/** At most this many reweightings are shown (the newest; hourly for a month is 720). */
const MAX_UPDATES = 1_000;

/** A bandit's weights now and each time they were recomputed, oldest first, keyed by variation id. */
export async function listBanditUpdates(
  workspaceId: string,
  experimentId: string,
  current: { variationId: string; weight: number }[],
): Promise<BanditSummary> {
  const rows = await db.banditUpdate.findMany({
    where: { workspaceId, experimentId },
    orderBy: { at: "desc" },
    take: MAX_UPDATES,
    select: { at: true, variationIds: true, weights: true, chances: true },
  });
  const total = current.reduce((s, v) => s + v.weight, 0) || 1;
  const keyed = (ids: string[], values: number[]) => Object.fromEntries(ids.map((id, i) => [id, values[i] ?? 0]));
  return {
    weights: Object.fromEntries(current.map((v) => [v.variationId, v.weight / total])),
    history: rows.reverse().map((r) => ({
      at: r.at.toISOString(),
      weights: keyed(r.variationIds, r.weights),
      chances: r.chances.length ? keyed(r.variationIds, r.chances) : null,
    })),
  };
}
