// npm run bench:ingest -- [--events 200000] [--clients 4] [--batch 500] [--order time|profile]
//
// Starts the app on a fresh embedded Postgres, sends new demo-generator
// events through POST /api/v1/batch with concurrent clients, checks that every
// acknowledged event is stored, then loads the same rows with COPY into a
// scratch table shaped like `events`; prints both rates, their ratio, and one
// JSON line of the figures. Goals (issue 3): ≥ 10,000 events/s through the
// API, ≥ 0.25 of COPY's rate, no acknowledged event missing. Exits non-zero
// when an acknowledged event is missing or an answer was not 200.
import os from "node:os";
import pg from "pg";
import { startApp, type RunningApp } from "./app-process";
import { buildBatches } from "./batches";
import { copyChunks, copyLoad, copyRowTails, countSameRows, createCopyTable, dropCopyTable } from "./copy-load";
import { resetStatements, topStatements } from "./pg-statements";
import { cpuProbeMs, cpuShares, cpuSnapshot } from "./cpu";
import { buildMessages, rowOf } from "./messages";
import { benchOptions } from "./options";
import { sampleWaits } from "./pg-waits";
import { printReport } from "./report";
import { sendBatches } from "./send";
import { checkStored } from "./verify";

const WRITE_KEY = "wk_benchIngestKey0000000000000000000";
const DEMO_PROFILES = 200;

const say = (line: string) => console.error(`[bench] ${line}`);
const options = benchOptions();
const runId = `bi${Date.now().toString(36)}`;

say(
  `generating ${options.events.toLocaleString("en-US")} events (seed ${options.seed}, ${options.order} order, run ${runId})`,
);
// Only flat data outlives this block: request bodies, messageIds and COPY row tails (see copyRowTails).
const { batches, messageIds, copyTails } = (() => {
  const messages = buildMessages({ events: options.events, seed: options.seed, runId, order: options.order });
  return {
    batches: buildBatches(messages, options.batch),
    messageIds: messages.map((m) => m.messageId),
    copyTails: copyRowTails(messages.map(rowOf), new Date().toISOString()),
  };
})();
say(
  `${batches.length} batches (largest ${Math.max(...batches.map((b) => b.messageIds.length))} events, ${Math.round(Math.max(...batches.map((b) => b.body.byteLength)) / 1024)} KB)`,
);

let app: RunningApp | undefined;
const stopApp = async () => {
  const running = app;
  app = undefined;
  if (running) {
    say("stopping the app");
    await running.stop();
  }
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void stopApp().finally(() => process.exit(130)));

/** The demo workspace's id, from the key (GET /api/v1/me). */
async function workspaceOf(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${WRITE_KEY}` } });
  const body = (await response.json()) as { workspace?: { id: string } };
  if (!response.ok || !body.workspace)
    throw new Error(`GET /api/v1/me answered ${response.status}: ${JSON.stringify(body)}`);
  return body.workspace.id;
}

/** Loads the route and opens the app's pool connections; these few events are neither timed nor counted. */
async function warmUp(baseUrl: string): Promise<void> {
  const headers = { authorization: `Bearer ${WRITE_KEY}`, "content-type": "application/json" };
  await Promise.all(
    Array.from({ length: options.clients }, async (_, i) => {
      const body = JSON.stringify({
        batch: [{ type: "track", event: "Warm Up", anonymousId: `${runId}w-anon-${i}`, messageId: `${runId}w-${i}` }],
      });
      const response = await fetch(`${baseUrl}/api/v1/batch`, { method: "POST", headers, body });
      if (!response.ok) throw new Error(`warm-up batch answered ${response.status}: ${await response.text()}`);
    }),
  );
}

try {
  say("starting the app (fresh database; builds first if sources changed)");
  app = await startApp(
    {
      port: options.port,
      dataDir: ".data/bench-ingest",
      urlFile: ".data/bench-ingest-url",
      logFile: ".data/bench-ingest.log",
      writeKey: WRITE_KEY,
      demoProfiles: DEMO_PROFILES,
    },
    say,
  );
  // Both connections are named, so the wait sampler leaves them out.
  const db = new pg.Client({ connectionString: app.databaseUrl, application_name: "bench-ingest" });
  const sampler = new pg.Client({ connectionString: app.databaseUrl, application_name: "bench-ingest" });
  for (const client of [db, sampler]) client.on("error", () => undefined); // the server going away on stop is expected
  await Promise.all([db.connect(), sampler.connect()]);
  try {
    const workspaceId = await workspaceOf(app.baseUrl);
    const settings = await db.query<{ name: string; setting: string; unit: string | null }>(
      "SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size')",
    );
    const setting = (name: string) => {
      const row = settings.rows.find((r) => r.name === name);
      if (!row) return "?";
      return !row.unit
        ? row.setting
        : /^\d/.test(row.unit)
          ? `${row.setting} × ${row.unit}`
          : `${row.setting} ${row.unit}`;
    };
    await warmUp(app.baseUrl);
    await db.query("CHECKPOINT"); // each timed phase starts with no dirty pages left by the one before (seed, API run)

    const statementsKept = await resetStatements(db);
    const probeBeforeApi = cpuProbeMs();
    say(`sending ${batches.length} batches through ${app.baseUrl}/api/v1/batch with ${options.clients} clients`);
    const waits = sampleWaits(sampler);
    const cpuBefore = cpuSnapshot();
    const sent = await sendBatches(app.baseUrl, WRITE_KEY, batches, options.clients);
    const apiCpu = cpuShares(cpuBefore, cpuSnapshot(), app.pid);
    const waitCounts = await waits.stop();
    const statements = statementsKept ? await topStatements(db) : [];

    const check = await checkStored(db, workspaceId, runId, sent.acknowledgedIds);

    say("loading the same rows with COPY");
    const table = await createCopyTable(db);
    const rows = messageIds.flatMap((id, i) =>
      check.profileOf.has(id) ? [{ profileId: check.profileOf.get(id)!, tail: copyTails[i]! }] : [],
    );
    const chunks = copyChunks(workspaceId, rows);
    await db.query("CHECKPOINT");
    const probeBeforeCopy = cpuProbeMs();
    const copyCpuBefore = cpuSnapshot();
    const copied = await copyLoad(db, chunks);
    const copyCpu = cpuShares(copyCpuBefore, cpuSnapshot(), app.pid);
    const sameRows = await countSameRows(db, workspaceId);
    await dropCopyTable(db);

    printReport({
      runId,
      options,
      events: messageIds.length,
      batches: batches.length,
      cores: os.cpus().length,
      cpuProbeMs: { beforeApi: probeBeforeApi, beforeCopy: probeBeforeCopy },
      postgres: {
        version: setting("server_version"),
        fsync: setting("fsync"),
        synchronousCommit: setting("synchronous_commit"),
        sharedBuffers: setting("shared_buffers"),
        maxWalSize: setting("max_wal_size"),
      },
      sent,
      check,
      apiCpu,
      waits: waitCounts,
      statements,
      copy: { ...copied, ...table, sameRows },
      copyCpu,
    });
    if (check.missing > 0 || sent.errors.length > 0) process.exitCode = 1;
  } finally {
    await Promise.all([db.end(), sampler.end()]).catch(() => undefined);
  }
} catch (error) {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
} finally {
  await stopApp();
}
