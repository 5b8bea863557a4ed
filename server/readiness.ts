import { databaseAvailability, noteDatabaseError, noteDatabaseOk } from "@/lib/db/availability";
import { pgPool } from "@/lib/db/pg-pool";
import { getSnapshot } from "@/lib/decide/runtime/snapshot-store";

const PROBE_MS = 1_000;

type State = { loaded: boolean; probe: NodeJS.Timeout | null };
const state: State = { loaded: false, probe: null };

/**
 * `starting` until every workspace's snapshot is in memory; then `ready`, or
 * `degraded` while the database does not answer (decisions are still served,
 * from the snapshots in memory: a load balancer should keep the server).
 */
export function readiness(): "starting" | "ready" | "degraded" {
  if (!state.loaded) return "starting";
  return databaseAvailability().reachable ? "ready" : "degraded";
}

/** Loads every workspace's snapshot (retrying until the database answers), then probes the database every second. */
export async function warmUp(): Promise<void> {
  for (;;) {
    try {
      const { rows } = await pgPool().query<{ id: string }>("SELECT id FROM workspaces");
      for (const row of rows) await getSnapshot(row.id);
      noteDatabaseOk();
      break;
    } catch (error) {
      if (!noteDatabaseError(error))
        console.error("[decide-server] loading snapshots failed:", error instanceof Error ? error.message : error);
      await new Promise((r) => setTimeout(r, PROBE_MS));
    }
  }
  state.loaded = true;
  state.probe = setInterval(() => {
    pgPool()
      .query("SELECT 1")
      .then(noteDatabaseOk, (error: unknown) => void noteDatabaseError(error));
  }, PROBE_MS);
  state.probe.unref();
}

export function stopProbe(): void {
  if (state.probe) clearInterval(state.probe);
  state.probe = null;
}
