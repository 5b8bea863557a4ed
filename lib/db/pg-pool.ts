import pg from "pg";
import { config } from "@/lib/config/config";
import { noteDatabaseError } from "./availability";

const globalForPg = globalThis as unknown as { pgPool?: pg.Pool };

/**
 * A plain `pg` pool for the hot, bulk paths (event ingest) where Prisma's
 * per-query overhead would dominate; everything else uses the Prisma client.
 */
export function pgPool(): pg.Pool {
  if (globalForPg.pgPool) return globalForPg.pgPool;
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE: max } = config();
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // connecting gives up after 5 s (an unreachable host must not hold requests for minutes)
  globalForPg.pgPool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
  });
  globalForPg.pgPool.on("error", (error) => noteDatabaseError(error) || console.error("[pg pool]", error.message));
  // A connection that breaks while checked out (between two queries of a transaction) emits "error" on its
  // client, where the pool listens only while it is idle: without this, a database restart would crash the process.
  globalForPg.pgPool.on("connect", (client) => client.on("error", (error) => void noteDatabaseError(error)));
  return globalForPg.pgPool;
}

export async function closePgPool(): Promise<void> {
  await globalForPg.pgPool?.end();
  globalForPg.pgPool = undefined;
}

/** Runs `work` in a transaction, retrying on deadlocks, serialization failures and rows deleted by a concurrent merge. */
export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pgPool().connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || !["40P01", "40001", "23503", "23505"].includes(code ?? "")) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
    } finally {
      client.release();
    }
  }
}
