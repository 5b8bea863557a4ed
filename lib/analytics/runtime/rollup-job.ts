import { pgPool } from "@/lib/db/pg-pool";
import { runExclusive, runLocked } from "@/lib/jobs/periodic";
import { rollUpPass } from "../db/rollup-pass";
import { rebuildRollup, type RebuildProgress } from "../db/rollup-rebuild";

/** Any stable number: the advisory lock under which one process at a time writes the dashboards' rollups. */
const ROLLUPS_LOCK = 7_324_017;

export type RollupsRun = { passed: number; rebuilt: string[]; failed: string[] };

/**
 * Brings every workspace's rollup up to date (lib/analytics/db/rollup-pass.ts), rebuilding one that is absent,
 * left half-built, or in another time zone than its workspace's; nothing when another process is at it now.
 */
export function refreshAllRollups(): Promise<RollupsRun | null> {
  return runExclusive(ROLLUPS_LOCK, async () => {
    const run: RollupsRun = { passed: 0, rebuilt: [], failed: [] };
    const workspaces = await pgPool().query<{ id: string }>("SELECT id FROM workspaces ORDER BY created_at");
    for (const { id } of workspaces.rows) {
      // one workspace's failure is logged and retried next time; the others still pass
      try {
        const result = await rollUpPass(id);
        if (result.state === "passed") run.passed++;
        else if (await rebuildRollup(id)) run.rebuilt.push(id);
      } catch (error) {
        run.failed.push(id);
        console.error(`[rollups] workspace ${id} failed:`, error instanceof Error ? error.message : error);
      }
    }
    return run;
  });
}

/**
 * Rebuilds the rollups of the given workspaces (all when none is given) from their events, waiting for a
 * running job to finish first, reporting progress per workspace (`npm run rollups:rebuild`).
 */
export function rebuildRollups(
  workspaceIds: string[] | null,
  onProgress: (workspace: { id: string; slug: string }) => RebuildProgress,
): Promise<{ id: string; slug: string; rows: number; timeZone: string }[]> {
  return runLocked(ROLLUPS_LOCK, async () => {
    const { rows: workspaces } = await pgPool().query<{ id: string; slug: string }>(
      `SELECT id, slug FROM workspaces WHERE $1::text[] IS NULL OR id = ANY($1::text[]) ORDER BY created_at`,
      [workspaceIds],
    );
    const done = [];
    for (const workspace of workspaces) {
      const built = await rebuildRollup(workspace.id, onProgress(workspace));
      if (built) done.push({ ...workspace, ...built });
    }
    return done;
  });
}
