import { pgPool } from "@/lib/db/pg-pool";
import { rfmStatements } from "./aggregates";

/** Any stable number: the advisory lock that lets one process at a time recompute RFM. */
const RFM_LOCK = 7_324_001;

/** Recomputes the RFM scores of every workspace, unless another process is doing it right now. */
export async function recomputeAllRfm(): Promise<{ workspaces: number } | null> {
  const client = await pgPool().connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [RFM_LOCK]);
    if (!rows[0]?.locked) return null;
    try {
      const workspaces = await client.query<{ id: string }>("SELECT id FROM workspaces");
      for (const { id } of workspaces.rows) {
        for (const statement of rfmStatements(id)) await client.query(statement.text, statement.values);
      }
      return { workspaces: workspaces.rowCount ?? 0 };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [RFM_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Starts the periodic recomputation (every `minutes`, first run after one interval); returns a stop function. */
export function scheduleRfm(minutes: number): () => void {
  const timer = setInterval(() => {
    recomputeAllRfm().catch((error: unknown) => console.error("[rfm] recomputation failed:", error instanceof Error ? error.message : error));
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
