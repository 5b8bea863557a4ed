// The benchmark's output: readable rows, then one JSON line of the figures
// (so that runs can be compared).
import type { StatementTime } from "./pg-statements";
import type { CpuShares } from "./cpu";
import type { BenchOptions } from "./options";
import type { SendResult } from "./send";
import type { StoredCheck } from "./verify";

export const GOAL_EVENTS_PER_SECOND = 10_000;
export const GOAL_RATIO = 0.25;

export type Figures = {
  runId: string;
  options: BenchOptions;
  events: number;
  batches: number;
  cores: number;
  /** cpuProbeMs() just before each timed phase (lower is a faster CPU). */
  cpuProbeMs: { beforeApi: number; beforeCopy: number };
  postgres: { version: string; fsync: string; synchronousCommit: string; sharedBuffers: string; maxWalSize: string };
  sent: SendResult;
  check: StoredCheck;
  apiCpu: CpuShares;
  waits: Map<string, number>;
  /** The app's most expensive statements during the API run (empty without pg_stat_statements). */
  statements: StatementTime[];
  copy: { rows: number; seconds: number; indexes: number; foreignKeys: number; sameRows: number };
  copyCpu: CpuShares;
};

/** The q-quantile (0..1) of the values, nearest rank; 0 for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** Prints label/value rows with the values aligned. */
export function printRows(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows)
    console.log(`  ${label.padEnd(width)}  ${typeof value === "number" ? number.format(value) : value}`);
}

function cpuRows(s: CpuShares): [string, string][] {
  const line = (x: number) => `${x.toFixed(1)} s (${((100 * x) / s.wall).toFixed(0)}%)`;
  const busiest = s.other >= 1 ? `: ${s.topOther.map(([name, t]) => `${name} ${t.toFixed(1)} s`).join(", ")}` : "";
  return [
    ["CPU: app (Node)", line(s.app)],
    ["CPU: Postgres", line(s.postgres)],
    ["CPU: bench client", line(s.bench)],
    ["CPU: other processes", line(s.other) + busiest],
    ["CPU: idle", line(s.idle)],
    ["CPU: stolen by the host", line(s.stolen)],
  ];
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const cpuJson = (s: CpuShares) => ({
  app: round(s.app, 1),
  postgres: round(s.postgres, 1),
  bench: round(s.bench, 1),
  other: round(s.other, 1),
  idle: round(s.idle, 1),
  stolen: round(s.stolen, 1),
});

/** Prints the figures; returns whether every goal is met. */
export function printReport(f: Figures): boolean {
  const { sent, check, options } = f;
  const apiRate = sent.acknowledged / sent.seconds;
  const copyRate = f.copy.rows / f.copy.seconds;
  const ratio = apiRate / copyRate;
  const p50 = quantile(sent.latenciesMs, 0.5);
  const p99 = quantile(sent.latenciesMs, 0.99);
  const goals = {
    eventsPerSecond: apiRate >= GOAL_EVENTS_PER_SECOND,
    ratio: ratio >= GOAL_RATIO,
    noneMissing: check.missing === 0,
  };
  const met = (ok: boolean) => (ok ? "met" : "NOT met");

  printRows("ingest: POST /api/v1/batch", [
    ["events sent", f.events],
    [
      "batches",
      `${f.batches} × ≤ ${options.batch} events, ${options.clients} concurrent clients, ${options.order} order`,
    ],
    ["seconds", sent.seconds],
    ["events/s", Math.round(apiRate)],
    ["acknowledged", sent.acknowledged],
    ["stored (in events)", check.stored],
    ["missing", check.missing],
    ["non-200 answers", sent.errors.length],
    ["items refused in 200s", sent.itemFailures],
    ["answers' stored / duplicates", `${sent.storedAnswered} / ${sent.duplicatesAnswered}`],
    ["batch latency p50", `${p50.toFixed(0)} ms`],
    ["batch latency p99", `${p99.toFixed(0)} ms`],
    ...cpuRows(f.apiCpu),
  ]);
  printRows("reference: COPY FROM STDIN (one connection)", [
    ["rows", f.copy.rows],
    ["seconds", f.copy.seconds],
    ["events/s", Math.round(copyRate)],
    ["table", `${f.copy.indexes} indexes and ${f.copy.foreignKeys} foreign keys, like events`],
    ["rows equal to the API's", f.copy.sameRows],
    ...cpuRows(f.copyCpu),
  ]);
  printRows("verdict", [
    ["API/COPY", ratio.toFixed(3)],
    [`≥ ${GOAL_EVENTS_PER_SECOND.toLocaleString("en-US")} events/s`, met(goals.eventsPerSecond)],
    [`≥ ${GOAL_RATIO} of COPY`, met(goals.ratio)],
    ["0 missing", met(goals.noneMissing)],
  ]);
  printRows(
    "Postgres connections during the API run (samples every 100 ms)",
    [...f.waits].sort((a, b) => b[1] - a[1]),
  );
  if (f.statements.length > 0) {
    const total = f.statements.reduce((sum, s) => sum + s.totalMs, 0);
    printRows(
      "Postgres execution time by statement during the API run (pg_stat_statements, top 10)",
      f.statements.map((s) => [
        `${s.query.slice(0, 90)}${s.query.length > 90 ? "…" : ""}`,
        `${(s.totalMs / 1000).toFixed(1)} s (${((100 * s.totalMs) / total).toFixed(0)}%), ${s.calls} calls`,
      ]),
    );
  }
  const pg = f.postgres;
  printRows("machine", [
    ["cores", f.cores],
    [
      "CPU probe (SHA-256 of 128 MB)",
      `${f.cpuProbeMs.beforeApi.toFixed(0)} ms before the API run, ${f.cpuProbeMs.beforeCopy.toFixed(0)} ms before COPY`,
    ],
    [
      "Postgres",
      `${pg.version}, fsync=${pg.fsync}, synchronous_commit=${pg.synchronousCommit}, shared_buffers=${pg.sharedBuffers}, max_wal_size=${pg.maxWalSize}`,
    ],
  ]);
  if (sent.errors.length > 0) {
    console.log("\nfirst non-200 answers:");
    for (const e of sent.errors.slice(0, 3)) console.log(`  ${e.status}: ${e.body}`);
  }
  if (check.missing > 0) console.log(`\nmissing messageIds (first 5): ${check.missingSample.join(", ")}`);

  console.log(
    JSON.stringify({
      bench: "ingest",
      runId: f.runId,
      events: f.events,
      clients: options.clients,
      batch: options.batch,
      order: options.order,
      cores: f.cores,
      cpuProbeMs: { beforeApi: Math.round(f.cpuProbeMs.beforeApi), beforeCopy: Math.round(f.cpuProbeMs.beforeCopy) },
      postgres: { fsync: pg.fsync, synchronousCommit: pg.synchronousCommit },
      api: {
        seconds: round(sent.seconds),
        eventsPerSecond: Math.round(apiRate),
        acknowledged: sent.acknowledged,
        stored: check.stored,
        missing: check.missing,
        non200: sent.errors.length,
        p50Ms: round(p50, 1),
        p99Ms: round(p99, 1),
        cpuSeconds: cpuJson(f.apiCpu),
      },
      copy: {
        seconds: round(f.copy.seconds),
        eventsPerSecond: Math.round(copyRate),
        rows: f.copy.rows,
        sameRows: f.copy.sameRows,
        indexes: f.copy.indexes,
        foreignKeys: f.copy.foreignKeys,
        cpuSeconds: cpuJson(f.copyCpu),
      },
      ratio: round(ratio),
      goals,
    }),
  );
  return goals.eventsPerSecond && goals.ratio && goals.noneMissing;
}
