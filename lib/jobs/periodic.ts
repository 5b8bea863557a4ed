import { pgPool } from "@/lib/db/pg-pool";

/**
 * Runs `work` unless another process holds the same advisory lock right now
 * (then returns null): periodic jobs run once across all server processes.
 */
export async function runExclusive<T>(lock: number, work: () => Promise<T>): Promise<T | null> {
  const client = await pgPool().connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [lock]);
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [lock]);
    }
  } finally {
    client.release();
  }
}

/** Runs `work` holding the advisory lock, waiting for another process to release it first (a command run by hand). */
export async function runLocked<T>(lock: number, work: () => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [lock]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [lock]);
    }
  } finally {
    client.release();
  }
}

/** Runs `job` every `minutes` (first run after one interval), logging failures; returns a stop function. */
export function schedulePeriodic(name: string, minutes: number, job: () => Promise<unknown>): () => void {
  const timer = setInterval(() => {
    job().catch((error: unknown) => console.error(`[${name}] failed:`, error instanceof Error ? error.message : error));
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
