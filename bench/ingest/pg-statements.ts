// Where the app's Postgres time went during a phase: pg_stat_statements
// (loaded by the embedded Postgres), reset before the phase, read after it.
import type pg from "pg";

export type StatementTime = { query: string; calls: number; totalMs: number; rows: number };

/** Creates the extension if needed and clears its counters. */
export async function resetStatements(db: pg.ClientBase): Promise<boolean> {
  try {
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await db.query("SELECT pg_stat_statements_reset()");
    return true;
  } catch {
    return false; // not loaded (an outside DATABASE_URL): the report leaves the section out
  }
}

/** The statements that took the most execution time since the reset (the benchmark's own left out). */
export async function topStatements(db: pg.ClientBase, limit = 10): Promise<StatementTime[]> {
  const { rows } = await db.query<{ query: string; calls: string; total: number; rows: string }>(
    `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls, total_exec_time AS total, rows
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ query: r.query, calls: Number(r.calls), totalMs: r.total, rows: Number(r.rows) }));
}
