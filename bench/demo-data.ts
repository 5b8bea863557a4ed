// The demo data the database benchmarks read: a data directory with the demo seeded at a given size (kept and
// reused; --fresh reseeds), its events in arrival (time) order, as a live store's would be.
import type pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { seedDemo } from "@/prisma/seed/demo";
import { createProgressBar } from "@/prisma/seed/progress";
import { provideDatabase } from "@/scripts/lib/database";

export type DemoData = {
  pool: pg.Pool;
  workspaceId: string;
  /** Seeded by this run (else reused). */
  created: boolean;
  /** Closes the pool and stops the database. */
  close: () => Promise<void>;
};

/**
 * Starts the database in `dataDir` (DATABASE_URL is set to it), migrates it, seeds the demo with `profiles`
 * profiles unless it is there, and orders the events by time once (the seeder writes each profile's 90 days at
 * once; not timed).
 */
export async function openDemoData(options: {
  dataDir: string;
  profiles: number;
  fresh: boolean;
  say: (line: string) => void;
}): Promise<DemoData> {
  const { say } = options;
  const database = await provideDatabase({
    dataDir: options.dataDir,
    database: "personalize",
    fresh: options.fresh,
    log: say,
  });
  process.env.DATABASE_URL = database.url;
  const close = async () => {
    await closePgPool();
    await database.stop();
  };
  try {
    await migrateDatabase(database.url);
    say(`seeding the demo with ${options.profiles.toLocaleString("en-US")} profiles unless it is there`);
    const seeded = await seedDemo({
      databaseUrl: database.url,
      profiles: options.profiles,
      onProgress: createProgressBar(),
    });
    const pool = pgPool();
    const workspaceId = (await pool.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'")).rows[0]!.id;
    const clustered = (
      await pool.query<{ done: boolean }>(
        "SELECT coalesce(bool_or(indisclustered), false) AS done FROM pg_index WHERE indrelid = 'events'::regclass",
      )
    ).rows[0]!.done;
    if (seeded.created || !clustered) {
      say("ordering events by time, as arrival order would (CLUSTER, once)");
      await pool.query("CLUSTER events USING events_workspace_id_occurred_at_idx");
    }
    return { pool, workspaceId, created: seeded.created, close };
  } catch (error) {
    await close();
    throw error;
  }
}
