import { db } from "@/lib/db/client";
import { DAY_MS } from "@/lib/time";

/** How many UTC days back the experiment page's chart goes. */
export const EXPOSURE_DAYS = 60;

/**
 * Exposures of an experiment per UTC day and variation over the last
 * `days` days, oldest first; the holdout's exposures have the variation id "".
 */
export async function listDailyExposures(
  workspaceId: string,
  experimentId: string,
  days = EXPOSURE_DAYS,
): Promise<{ day: string; variationId: string; exposures: number }[]> {
  const since = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const rows = await db.variationExposure.findMany({
    where: { workspaceId, experimentId, day: { gte: since } },
    select: { day: true, variationId: true, exposures: true },
    orderBy: [{ day: "asc" }, { variationId: "asc" }],
  });
  return rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    variationId: r.variationId,
    exposures: Number(r.exposures),
  }));
}
