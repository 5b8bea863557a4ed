import { db } from "@/lib/db/client";
import {
  INTERACTIVE_TIMEOUT_MS,
  SegmentQueryTimeout,
  withStatementTimeout,
} from "@/lib/segments/db/with-statement-timeout";
import { DAY_MS } from "@/lib/time";

/** How many full UTC days the duration estimate looks back on. */
export const TRAFFIC_DAYS = 14;

export type RecentTraffic = {
  days: number;
  /** Distinct profiles with any event in the period, per day (units an experiment could enroll a day). */
  visitorsPerDay: number;
  /** Impressions a day of each placement that had any in the period. */
  impressionsPerDay: Record<string, number>;
  /** Per goal: the share of those visitors who did its event in the period (its filters and kind aside). */
  goalRates: Record<string, { converters: number; rate: number }>;
};

/**
 * The traffic of the last TRAFFIC_DAYS full UTC days that the wizard's
 * duration estimate starts from: distinct visitors (profiles with events,
 * from the daily rollups), each placement's impressions, and the baseline
 * conversion rate of each goal's event among those visitors. Null when
 * Postgres could not answer within the interactive time limit.
 */
export async function getRecentTraffic(
  workspaceId: string,
  goals: readonly { id: string; eventName: string }[],
): Promise<RecentTraffic | null> {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const since = new Date(today - TRAFFIC_DAYS * DAY_MS);
  const until = new Date(today);
  const events = [...new Set(goals.map((g) => g.eventName))];
  try {
    const { visitors, converters } = await withStatementTimeout(INTERACTIVE_TIMEOUT_MS, async (client) => {
      const total = await client.query<{ visitors: number }>(
        `SELECT count(DISTINCT profile_id)::int AS visitors FROM profile_daily_rollups
         WHERE workspace_id = $1 AND day >= $2 AND day < $3`,
        [workspaceId, since, until],
      );
      const byEvent = await client.query<{ event_name: string; converters: number }>(
        `SELECT event_name, count(DISTINCT profile_id)::int AS converters FROM profile_daily_rollups
         WHERE workspace_id = $1 AND event_name = ANY($2::text[]) AND day >= $3 AND day < $4
         GROUP BY event_name`,
        [workspaceId, events, since, until],
      );
      return {
        visitors: total.rows[0]?.visitors ?? 0,
        converters: new Map(byEvent.rows.map((r) => [r.event_name, r.converters])),
      };
    });
    const impressions = await db.placementImpression.groupBy({
      by: ["placementId"],
      where: { workspaceId, day: { gte: since, lt: until } },
      _sum: { impressions: true },
    });
    return {
      days: TRAFFIC_DAYS,
      visitorsPerDay: visitors / TRAFFIC_DAYS,
      impressionsPerDay: Object.fromEntries(
        impressions.map((r) => [r.placementId, Number(r._sum.impressions ?? 0) / TRAFFIC_DAYS]),
      ),
      goalRates: Object.fromEntries(
        goals.map((g) => {
          const n = converters.get(g.eventName) ?? 0;
          return [g.id, { converters: n, rate: visitors > 0 ? n / visitors : 0 }];
        }),
      ),
    };
  } catch (error) {
    if (error instanceof SegmentQueryTimeout) return null;
    throw error;
  }
}
