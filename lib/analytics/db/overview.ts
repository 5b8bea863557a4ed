import { db } from "@/lib/db/client";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { DAY_MS } from "@/lib/time";

/** The overview's headline figures over the last `days` days, read from profiles and the daily rollups. */
export async function overviewStats(workspaceId: string, days = 30) {
  const since = new Date(Date.now() - days * DAY_MS);
  const [profiles, known, activity] = await Promise.all([
    db.profile.count({ where: { workspaceId } }),
    db.identity.count({ where: { workspaceId, type: "user_id" } }),
    db.$queryRaw<{ events: bigint | null; orders: bigint | null; revenue: string | null; active: bigint | null }[]>`
      SELECT sum(count) AS events,
             sum(count) FILTER (WHERE event_name = ${ORDER_EVENT}) AS orders,
             sum(revenue) FILTER (WHERE event_name = ${ORDER_EVENT})::text AS revenue,
             count(DISTINCT profile_id) AS active
      FROM profile_daily_rollups
      WHERE workspace_id = ${workspaceId} AND day >= ${since}::date`,
  ]);
  const row = activity[0];
  return {
    profiles,
    knownProfiles: known,
    activeProfiles: Number(row?.active ?? 0),
    events: Number(row?.events ?? 0),
    orders: Number(row?.orders ?? 0),
    revenue: Number(row?.revenue ?? 0),
  };
}

/** Events, orders and revenue per day over the last `days` days, every day present (zero when quiet). */
export async function dailyActivity(workspaceId: string, days = 30) {
  const rows = await db.$queryRaw<{ day: string; events: bigint; orders: bigint; revenue: string }[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           coalesce(sum(r.count), 0) AS events,
           coalesce(sum(r.count) FILTER (WHERE r.event_name = ${ORDER_EVENT}), 0) AS orders,
           coalesce(sum(r.revenue) FILTER (WHERE r.event_name = ${ORDER_EVENT}), 0)::text AS revenue
    FROM generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') AS d(day)
    LEFT JOIN profile_daily_rollups r ON r.workspace_id = ${workspaceId} AND r.day = d.day::date
    GROUP BY d.day ORDER BY d.day`;
  return rows.map((r) => ({
    day: r.day,
    events: Number(r.events),
    orders: Number(r.orders),
    revenue: Number(r.revenue),
  }));
}
