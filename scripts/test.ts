// npm test: type check, lint, unit tests, integration tests (real Postgres),
// browser tests (Playwright in Debian's Chromium), then one summary line.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { configOrExit } from "@/lib/config/config";
import { createFreshDatabase } from "./lib/database";
import { run } from "./lib/run";
import {
  playwrightReportCounts,
  summarize,
  vitestReportCounts,
  type StepOutcome,
  type TestCounts,
} from "./test/summary";

const REPORTS = ".data/test-reports";
const bin = (name: string) => `node_modules/.bin/${name}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const steps: StepOutcome[] = [];

/** A step that runs tests writes its report to `report`, read by `counts` once it ends. */
type Report = { file: string; counts: (report: unknown) => TestCounts | null };

async function step(
  name: string,
  command: string,
  args: string[],
  { extraEnv = {}, report }: { extraEnv?: Record<string, string>; report?: Report } = {},
): Promise<boolean> {
  console.log(`\n━━ ${name} ━━ ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const ok = await run(command, args, { env: { ...env, ...extraEnv } }).then(
    () => true,
    (error: Error) => (console.error(error.message), false),
  );
  steps.push({ name, seconds: (Date.now() - started) / 1000, ok, ...(report ? { counts: readCounts(report) } : {}) });
  return ok;
}

/** The report's counts; null when the step wrote no (readable) report. */
function readCounts({ file, counts }: Report): TestCounts | null {
  if (!existsSync(file)) return null;
  try {
    return counts(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null;
  }
}

// A bad setting stops the run at once, by name, instead of failing every test file that reads it.
configOrExit("test");

rmSync(REPORTS, { recursive: true, force: true });
const vitest = (project: string): [string[], { report: Report }] => [
  [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${REPORTS}/${project}.json`,
  ],
  { report: { file: `${REPORTS}/${project}.json`, counts: vitestReportCounts } },
];

await step("type check", bin("tsc"), ["--noEmit"]);
await step("lint", "npm", ["run", "--silent", "lint"]); // ESLint, then Prettier --check
await step("unit tests", bin("vitest"), ...vitest("unit"));
await step("integration tests", bin("vitest"), ...vitest("integration"));

// Browser tests: against DATABASE_URL's server, a fresh database; otherwise the e2e server starts its own embedded one.
const e2eDatabase = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL, "e2e") : null;
await step("browser tests", bin("playwright"), ["test"], {
  extraEnv: {
    ...(e2eDatabase ? { DATABASE_URL: e2eDatabase.url } : {}),
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`,
  },
  report: { file: `${REPORTS}/e2e.json`, counts: playwrightReportCounts },
});
await e2eDatabase?.drop();

const summary = summarize(steps);
console.log("\n━━ summary ━━");
for (const line of summary.lines) console.log(line);
process.exit(summary.exitCode);
