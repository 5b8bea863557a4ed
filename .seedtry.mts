import { startEmbeddedPostgres } from "./lib/db/embedded-postgres";
import { readFileSync } from "node:fs";
import pg from "pg";
import { seedDemo } from "./prisma/seed/demo";
import { createProgressBar } from "./prisma/seed/progress";
const s = await startEmbeddedPostgres(".data/seed-try");
const url = s.urlFor("postgres");
try {
  // prisma migrate deploy currently fails here (driver adapter config), so apply the SQL directly.
  const c = new pg.Client({ connectionString: url }); await c.connect();
  await c.query(readFileSync("prisma/migrations/20261123000000_init/migration.sql", "utf8")); await c.end();
  const profiles = Number(process.env.PROFILES ?? 5000);
  const days = Number(process.env.DAYS ?? 90);
  const t0 = Date.now();
  const r = await seedDemo({ databaseUrl: url, profiles, days, onProgress: createProgressBar() });
  console.log("seed ms", Date.now() - t0, JSON.stringify(r));
  const t1 = Date.now();
  const r2 = await seedDemo({ databaseUrl: url, profiles, days });
  console.log("second call ms", Date.now() - t1, r2.created);
  // Leave the URL for psql checks, and an env var-driven CLI check.
  console.log("URL", url);
  if (process.env.HOLD) await new Promise((r) => setTimeout(r, Number(process.env.HOLD)));
} finally {
  await s.stop();
}
