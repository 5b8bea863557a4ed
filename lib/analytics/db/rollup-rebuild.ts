import { inTransaction, pgPool } from "@/lib/db/pg-pool";
import { addDays } from "../range";
import { ROLLUP_LOOKBACK_MS } from "../rollup-marks";
import { linkContentDays, rollUpContentDays } from "./rollup-content";
import { linkVisitorDays, rollUpDays } from "./rollup-days";
import { linkHoldoutDays, rollUpHoldoutDays } from "./rollup-holdout";

/** Days rolled up per statement of a rebuild (one step of its progress). */
const DAYS_PER_STEP = 7;

export type RebuildProgress = (done: number, total: number, label: string) => void;

/**
 * Rebuilds a workspace's visitor-days, event-days, content-days and holdout-days from all its events and decisions in its time zone now. While it runs the rollup is
 * marked `building` and the dashboards read the raw events; it ends `ready` with marks from which the next
 * pass reads again everything received in the lookback before the rebuild began, so that what was committed
 * while it ran is rolled up too. Callers hold the rollup lock (rollup-lock.ts). Returns the rows written.
 */
export async function rebuildRollup(
  workspaceId: string,
  onProgress: RebuildProgress = () => {},
): Promise<{ timeZone: string; rows: number } | null> {
  const pool = pgPool();
  const workspace = (
    await pool.query<{ time_zone: string }>(`SELECT time_zone FROM workspaces WHERE id = $1`, [workspaceId])
  ).rows[0];
  if (!workspace) return null;
  const timeZone = workspace.time_zone;
  const startedAt = new Date();
  const { rows: floorRows } = await pool.query<{ max_id: string }>(
    `SELECT coalesce(max(id), 0)::text AS max_id FROM events
     WHERE workspace_id = $1 AND received_at < $2::timestamptz - make_interval(secs => $3)`,
    [workspaceId, startedAt, ROLLUP_LOOKBACK_MS / 1000],
  );
  // exposures have no arrival time: those decided before the lookback (their buffers write them within seconds)
  const { rows: exposureFloorRows } = await pool.query<{ max_id: string }>(
    `SELECT coalesce(max(id), 0)::text AS max_id FROM exposures
     WHERE workspace_id = $1 AND occurred_at < $2::timestamptz - make_interval(secs => $3)`,
    [workspaceId, startedAt, ROLLUP_LOOKBACK_MS / 1000],
  );
  // marked building and emptied in one transaction: a reader sees the rollup ready and whole, or building
  await inTransaction(async (client) => {
    await client.query(
      `INSERT INTO analytics_rollup_state (workspace_id, time_zone, status, marks, passed_at)
       VALUES ($1, $2, 'building', '[]', NULL)
       ON CONFLICT (workspace_id) DO UPDATE SET time_zone = excluded.time_zone, status = 'building', marks = '[]',
         exposure_marks = '[]', passed_at = NULL`,
      [workspaceId, timeZone],
    );
    for (const table of ["visitor_days", "event_days", "content_days", "holdout_days"])
      await client.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
  });

  const { rows: spanRows } = await pool.query<{ first: string | null; last: string | null }>(
    `SELECT to_char((min(at) AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS first,
            to_char((max(at) AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS last
     FROM (SELECT min(occurred_at) AS at FROM events WHERE workspace_id = $1
           UNION ALL SELECT max(occurred_at) FROM events WHERE workspace_id = $1
           UNION ALL SELECT min(occurred_at) FROM exposures WHERE workspace_id = $1
           UNION ALL SELECT max(occurred_at) FROM exposures WHERE workspace_id = $1) bounds`,
    [workspaceId, timeZone],
  );
  const { first, last } = spanRows[0]!;
  const steps: { from: string; to: string }[] = [];
  for (let from = first; from !== null && last !== null && from <= last; from = addDays(from, DAYS_PER_STEP)) {
    const to = addDays(from, DAYS_PER_STEP - 1);
    steps.push({ from, to: to < last ? to : last });
  }
  let rows = 0;
  const client = await pool.connect();
  try {
    onProgress(0, steps.length + 1, "weeks");
    for (const [i, step] of steps.entries()) {
      rows += await rollUpDays(client, workspaceId, timeZone, step.from, step.to);
      await rollUpContentDays(client, workspaceId, timeZone, step.from, step.to);
      await rollUpHoldoutDays(client, workspaceId, timeZone, step.from, step.to);
      onProgress(i + 1, steps.length + 1, "weeks");
    }
    await linkVisitorDays(client, workspaceId, null);
    await linkContentDays(client, workspaceId, null);
    await linkHoldoutDays(client, workspaceId, null);
    // the links rewrote the rows: reclaim the old versions and mark the pages visible, for index-only scans
    await client.query("VACUUM (ANALYZE) visitor_days, event_days, content_days, holdout_days");
    onProgress(steps.length + 1, steps.length + 1, "weeks");
  } finally {
    client.release();
  }
  const cutoff = new Date(startedAt.getTime() - ROLLUP_LOOKBACK_MS);
  await pool.query(
    `UPDATE analytics_rollup_state SET status = 'ready', built_at = now(), marks = $2, exposure_marks = $3, passed_at = $4
     WHERE workspace_id = $1`,
    [
      workspaceId,
      JSON.stringify([{ at: cutoff.toISOString(), maxId: floorRows[0]!.max_id }]),
      JSON.stringify([{ at: cutoff.toISOString(), maxId: exposureFloorRows[0]!.max_id }]),
      startedAt,
    ],
  );
  return { timeZone, rows };
}
