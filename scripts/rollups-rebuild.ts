// npm run rollups:rebuild [-- --workspace <slug>] [--data-dir .data/postgres]
// Rebuilds the dashboards' rollups (lib/analytics/db/rollup-rebuild.ts) from the events, with a progress bar per
// workspace: after restoring events by hand, after a write that took longer than the rollup's lookback, or to
// check them. Against DATABASE_URL, else the embedded database of `npm start` (stop the app first then: the
// embedded server runs in its process). The dashboards read the raw events while a workspace is rebuilt.
import { parseArgs } from "node:util";
import { rebuildRollups } from "@/lib/analytics/runtime/rollup-job";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { migrateDatabase } from "@/lib/db/migrate";
import { createProgressBar } from "@/prisma/seed/progress";
import { provideDatabase } from "./lib/database";

const say = (line: string) => console.error(`[rollups] ${line}`);
const { values } = parseArgs({ options: { workspace: { type: "string" }, "data-dir": { type: "string" } } });
const database = await provideDatabase({
  dataDir: values["data-dir"] ?? ".data/postgres",
  database: "personalize",
}).catch((error: unknown) => {
  say(`cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  say("with the embedded database, stop `npm start` first, or set DATABASE_URL to the app's database");
  process.exit(1);
});
process.env.DATABASE_URL = database.url;
let code = 0;
try {
  await migrateDatabase(database.url);
  let ids: string[] | null = null;
  if (values.workspace !== undefined) {
    const { rows } = await pgPool().query<{ id: string }>("SELECT id FROM workspaces WHERE slug = $1", [
      values.workspace,
    ]);
    if (rows.length === 0) {
      say(`--workspace: there is no workspace "${values.workspace}"`);
      code = 2;
    }
    ids = rows.map((r) => r.id);
  }
  if (code === 0) {
    const built = await rebuildRollups(ids, (workspace) => {
      say(`rebuilding ${workspace.slug}`);
      return createProgressBar();
    });
    for (const b of built) say(`${b.slug}: ${b.rows.toLocaleString("en-US")} visitor-days in ${b.timeZone}, ready`);
    if (built.length === 0) say("no workspace to rebuild");
  }
} catch (error) {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await closePgPool();
  await database.stop();
}
process.exit(code);
