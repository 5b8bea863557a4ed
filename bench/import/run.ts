// npm run bench:import -- [--rows 100000] [--customers 20000] [--runs 2]
//
// A generated Shopify orders export (lib/imports/testing/generated-shopify-orders.ts: one row per line item)
// on a fresh embedded Postgres (.data/bench-import): the dry run (checkImport), the import (runImport, into
// an empty workspace), and the import again (nothing new), each timed; against the reference, the same
// bytes loaded with `COPY ... FROM STDIN (FORMAT csv, HEADER)` into a scratch table of text columns (no
// parsing of values, no identities, no rollups), timed before and after the imports in the same run. Exits
// non-zero when the import does not record what the file holds. Ends with one JSON line.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { performance } from "node:perf_hooks";
import { from as copyFrom } from "pg-copy-streams";
import { db, disconnectDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { checkImport } from "@/lib/imports/runtime/check-import";
import { runImport } from "@/lib/imports/runtime/run-import";
import { importMappingSchema } from "@/lib/imports/schema";
import { formatMapping, IMPORT_FORMATS } from "@/lib/imports/formats";
import { generatedShopifyOrders } from "@/lib/imports/testing/generated-shopify-orders";
import { provideDatabase } from "@/scripts/lib/database";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const options = { rows: arg("rows", 100_000), customers: arg("customers", 20_000), runs: arg("runs", 2) };
const say = (line: string) => console.error(`[bench] ${line}`);
const seconds = (ms: number) => Math.round(ms) / 1000;

const database = await provideDatabase({
  dataDir: ".data/bench-import",
  database: "personalize",
  fresh: true,
  log: say,
});
process.env.DATABASE_URL = database.url;
try {
  await migrateDatabase(database.url);
  const file = generatedShopifyOrders({ rows: options.rows, customers: options.customers, domain: "bench.test" });
  const bytes = await new Response(file.stream()).arrayBuffer();
  say(
    `${options.rows.toLocaleString("en-US")} rows (${file.figures.orders.toLocaleString("en-US")} orders of ${file.figures.customers.toLocaleString("en-US")} customers), ${Math.round(bytes.byteLength / 1024 / 1024)} MB`,
  );
  const header = new TextDecoder().decode(bytes.slice(0, 2048)).split("\n")[0]!.split(",");
  const format = IMPORT_FORMATS.find((f) => f.id === "shopify-orders")!;
  const mapping = importMappingSchema.parse({ ...formatMapping(format, header), defaultCurrency: "USD" });
  const pool = pgPool();
  await pool.query(
    `CREATE TABLE bench_import_copy (${header.map((_, i) => `c${i} text`).join(", ")}, id bigserial PRIMARY KEY)`,
  );
  const copy = async () => {
    await pool.query("TRUNCATE bench_import_copy");
    await pool.query("CHECKPOINT");
    const client = await pool.connect();
    try {
      const started = performance.now();
      await pipeline(
        Readable.from([Buffer.from(bytes)]),
        client.query(
          copyFrom(
            `COPY bench_import_copy (${header.map((_, i) => `c${i}`).join(", ")}) FROM STDIN (FORMAT csv, HEADER)`,
          ),
        ),
      );
      return performance.now() - started;
    } finally {
      client.release();
    }
  };
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<[T, number]> => {
    await pool.query("CHECKPOINT");
    say(label);
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  };

  const copyMs: number[] = [];
  for (let i = 0; i < options.runs; i++) copyMs.push(await copy());
  const runs: { checkMs: number; importMs: number; reimportMs: number }[] = [];
  let failed = false;
  for (let run = 0; run < options.runs; run++) {
    const workspace = await db.workspace.create({
      data: { name: `Bench import ${run}`, slug: `bench-import-${run}`, identitySalt: `salt-${run}` },
    });
    const user = await db.user.create({ data: { email: `bench-${run}@bench.test`, name: "bench", passwordHash: "x" } });
    const importOf = () =>
      runImport({ workspace, userId: user.id, fileName: "orders_export.csv", mapping, body: file.stream() });
    const [check, checkMs] = await timed("dry run", () => checkImport({ workspace, mapping, body: file.stream() }));
    const [job, importMs] = await timed("import", importOf);
    const [again, reimportMs] = await timed("import again", importOf);
    const stored = await db.event.count({ where: { workspaceId: workspace.id } });
    const right =
      check.events.new === file.figures.orders &&
      job.importedRows === options.rows &&
      again.importedRows === options.rows &&
      stored === file.figures.orders;
    if (!right) {
      failed = true;
      say(
        `wrong: check ${check.events.new} new, imported ${job.importedRows}, stored ${stored} of ${file.figures.orders}`,
      );
    }
    runs.push({ checkMs, importMs, reimportMs });
    say(`run ${run + 1}: check ${seconds(checkMs)} s, import ${seconds(importMs)} s, again ${seconds(reimportMs)} s`);
  }
  for (let i = 0; i < options.runs; i++) copyMs.push(await copy());

  const best = (values: number[]) => Math.min(...values);
  const copyBest = best(copyMs);
  const rate = (ms: number) => Math.round(options.rows / (ms / 1000));
  const figures = {
    rows: options.rows,
    orders: file.figures.orders,
    customers: file.figures.customers,
    copy: { ms: copyMs.map(Math.round), rowsPerSecond: rate(copyBest) },
    check: { ms: runs.map((r) => Math.round(r.checkMs)), rowsPerSecond: rate(best(runs.map((r) => r.checkMs))) },
    import: { ms: runs.map((r) => Math.round(r.importMs)), rowsPerSecond: rate(best(runs.map((r) => r.importMs))) },
    reimport: {
      ms: runs.map((r) => Math.round(r.reimportMs)),
      rowsPerSecond: rate(best(runs.map((r) => r.reimportMs))),
    },
  };
  const ratio = (ms: number) => Math.round((copyBest / ms) * 1000) / 1000;
  console.log(
    `COPY into text columns  ${figures.copy.rowsPerSecond.toLocaleString("en-US")} rows/s (best of ${copyMs.length})`,
  );
  for (const [label, ms] of [
    ["dry run", best(runs.map((r) => r.checkMs))],
    ["import", best(runs.map((r) => r.importMs))],
    ["import again", best(runs.map((r) => r.reimportMs))],
  ] as const)
    console.log(`${label.padEnd(24)}${rate(ms).toLocaleString("en-US")} rows/s, ${ratio(ms)} of COPY`);
  console.log(
    JSON.stringify({
      bench: "import",
      ...figures,
      ratios: {
        check: ratio(best(runs.map((r) => r.checkMs))),
        import: ratio(best(runs.map((r) => r.importMs))),
        reimport: ratio(best(runs.map((r) => r.reimportMs))),
      },
    }),
  );
  if (failed) process.exitCode = 1;
} finally {
  await disconnectDb();
  await closePgPool();
  await database.stop();
}
