import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_DATABASE_URL_FILE } from "../../playwright.config";

/** Runs one query against the e2e server's database (to check what a flow changed, or did not). */
export async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({
    connectionString: process.env.DATABASE_URL ?? readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim(),
  });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The single row a query must return. */
export async function queryOne<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T> {
  const [row] = await query<T>(text, values);
  if (!row) throw new Error(`no row for: ${text}`);
  return row;
}
