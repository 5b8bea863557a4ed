import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/migrate";
import { createFreshDatabase, provideDatabase } from "../lib/database";

/**
 * A fresh, migrated database for one integration run: a new database on the
 * server of DATABASE_URL when set (dropped afterwards), otherwise a new
 * embedded Postgres under .data/test-integration (INTEGRATION_DATA_DIR names
 * another folder, so that two runs can go side by side).
 */
export default async function setup(project: TestProject) {
  let url: string;
  let teardown: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, "it");
    url = fresh.url;
    teardown = fresh.drop;
  } else {
    const server = await provideDatabase({
      dataDir: process.env.INTEGRATION_DATA_DIR || ".data/test-integration",
      database: "integration",
      fresh: true,
      durable: false,
    });
    url = server.url;
    teardown = server.stop;
  }
  await migrateDatabase(url);
  project.provide("databaseUrl", url);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
