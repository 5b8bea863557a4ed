import { rm } from "node:fs/promises";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export type ProvidedDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

/** Creates `name` on the server at `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database to run against: `DATABASE_URL` when set, otherwise a real
 * embedded Postgres with its data in `dataDir` (wiped first when `fresh`).
 */
export async function provideDatabase(options: {
  dataDir: string;
  database: string;
  fresh?: boolean;
  durable?: boolean;
  log?: (line: string) => void;
}): Promise<ProvidedDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, embedded: false, stop: async () => {} };
  if (options.fresh) await rm(options.dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres(options.dataDir, options.log, { durable: options.durable });
  await ensureDatabase(server.serverUrl, options.database);
  return { url: server.urlFor(options.database), embedded: true, stop: () => server.stop() };
}

/**
 * A new, uniquely named database on the server of `baseUrl` (for a test run
 * against a given DATABASE_URL); `drop()` removes it. The role needs CREATEDB.
 */
export async function createFreshDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  await ensureDatabase(baseUrl, name);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
    },
  };
}
