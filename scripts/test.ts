// npm test: type check, lint, unit tests, integration tests (real Postgres),
// browser tests (Playwright in Debian's Chromium), then one summary line.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createFreshDatabase } from "./lib/database";
import { run } from "./lib/run";

const REPORTS = ".data/test-reports";
const bin = (name: string) => `node_modules/.bin/${name}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

type Counts = { passed: number; failed: number };
const steps: { name: string; seconds: number; ok: boolean }[] = [];

async function step(
  name: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<boolean> {
  console.log(`\n━━ ${name} ━━ ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const ok = await run(command, args, { env: { ...env, ...extraEnv } }).then(
    () => true,
    (error: Error) => (console.error(error.message), false),
  );
  steps.push({ name, seconds: (Date.now() - started) / 1000, ok });
  return ok;
}

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

rmSync(REPORTS, { recursive: true, force: true });
const vitest = (project: string) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${REPORTS}/${project}.json`,
];

let ok = await step("type check", bin("tsc"), ["--noEmit"]);
ok = (await step("lint", "npm", ["run", "--silent", "lint"])) && ok; // ESLint, then Prettier --check
ok = (await step("unit tests", bin("vitest"), vitest("unit"))) && ok;
ok = (await step("integration tests", bin("vitest"), vitest("integration"))) && ok;

// Browser tests: against DATABASE_URL's server, a fresh database; otherwise the e2e server starts its own embedded one.
const e2eDatabase = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL, "e2e") : null;
ok =
  (await step("browser tests", bin("playwright"), ["test"], {
    ...(e2eDatabase ? { DATABASE_URL: e2eDatabase.url } : {}),
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`,
  })) && ok;
await e2eDatabase?.drop();

const totals = [
  vitestCounts(`${REPORTS}/unit.json`),
  vitestCounts(`${REPORTS}/integration.json`),
  playwrightCounts(`${REPORTS}/e2e.json`),
].reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed }), { passed: 0, failed: 0 });
console.log("\n━━ summary ━━");
for (const s of steps) console.log(`  ${s.ok ? "ok  " : "FAIL"} ${s.name.padEnd(18)} ${s.seconds.toFixed(1)}s`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok ? 0 : 1);
