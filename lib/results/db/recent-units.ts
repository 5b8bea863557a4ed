import { pgPool } from "@/lib/db/pg-pool";
import { DAY_MS } from "@/lib/time";

/**
 * New units a day in the phase lately: the assignments of the last 7 days
 * (or since the phase began, when later) over those days; 0 when none came.
 */
export async function recentUnitsPerDay(
  workspaceId: string,
  experimentId: string,
  phase: number,
  phaseStartedAt: Date | null,
  now: Date,
): Promise<number> {
  const since = new Date(Math.max(now.getTime() - 7 * DAY_MS, phaseStartedAt?.getTime() ?? 0));
  const days = Math.max(1 / 24, (now.getTime() - since.getTime()) / DAY_MS);
  const { rows } = await pgPool().query<{ n: string }>(
    `SELECT count(*) AS n FROM assignments
     WHERE workspace_id = $1 AND experiment_id = $2 AND phase = $3 AND assigned_at >= $4 AND assigned_at <= $5`,
    [workspaceId, experimentId, phase, since, now],
  );
  return Number(rows[0]?.n ?? 0) / days;
}
