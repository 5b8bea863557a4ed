import { pgPool } from "@/lib/db/pg-pool";
import { runExclusive } from "@/lib/jobs/periodic";
import { rfmStatements } from "../aggregates";

/** Any stable number: the advisory lock that lets one process at a time recompute RFM. */
const RFM_LOCK = 7_324_001;

/** Recomputes the RFM scores of every workspace, unless another process is doing it right now. */
export function recomputeAllRfm(): Promise<{ workspaces: number } | null> {
  return runExclusive(RFM_LOCK, async () => {
    const workspaces = await pgPool().query<{ id: string }>("SELECT id FROM workspaces");
    for (const { id } of workspaces.rows) {
      for (const statement of rfmStatements(id)) await pgPool().query(statement.text, statement.values);
    }
    return { workspaces: workspaces.rowCount ?? 0 };
  });
}
