// What the app's Postgres connections are doing while the API is loaded,
// sampled from pg_stat_activity: running, waiting on a lock or on WAL, or
// idle inside a transaction (waiting for the app to send the next statement).
import type pg from "pg";

export type WaitSampler = { stop(): Promise<Map<string, number>> };

/** Samples every `everyMs`; `stop()` resolves with how many connection-samples fell in each state. */
/** Connections named `bench-ingest` (the benchmark's own) are left out. */
export function sampleWaits(db: pg.ClientBase, everyMs = 100): WaitSampler {
  const counts = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = await db
        .query<{ what: string }>(
          `SELECT CASE WHEN state = 'active' AND wait_event IS NULL THEN 'active: on CPU'
                     WHEN state = 'active' THEN 'active: waits ' || wait_event_type || '/' || wait_event
                     ELSE coalesce(state, '?') END AS what
         FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND application_name <> 'bench-ingest'`,
        )
        .catch(() => null); // the server stopped (interrupted run): stop sampling
      if (!result) return;
      for (const { what } of result.rows) counts.set(what, (counts.get(what) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return counts;
    },
  };
}
