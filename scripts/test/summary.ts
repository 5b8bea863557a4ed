// The closing lines of `npm test`: one line per step, then the test totals.
// Pure: the steps' outcomes in, the lines and the exit code out.

/** A report's totals, and the names of its failed tests ("file › test"), when the report gives them. */
export type TestCounts = { passed: number; failed: number; failures?: string[] };

/** At most this many failed tests are named in the summary; the rest are counted. */
const NAMED_FAILURES = 15;

export type StepOutcome = {
  name: string;
  seconds: number;
  ok: boolean;
  /**
   * For a step that runs tests: the counts of its report, or null when it
   * wrote none (it could not start, or crashed). Absent for steps that run
   * no tests (type check, lint).
   */
  counts?: TestCounts | null;
};

export type Summary = { lines: string[]; exitCode: 0 | 1 };

/** Why a failed step is not explained by its report's failed tests, or null when it is. */
function unexplainedFailure(step: StepOutcome): string | null {
  if (step.ok) return null;
  if (step.counts === undefined) return "failed";
  if (step.counts === null) return "no report";
  return step.counts.failed > 0 ? null : "failed with no failing test";
}

/**
 * The summary of a run. A step that failed without a report of a failing
 * test (a step that runs no tests, a test step with no report, or one whose
 * report counts no failure) counts as one failure, with its reason in the
 * closing line, so that the line never reads "0 failed" for a run that
 * failed. The exit code is non-zero whenever any step failed or any report
 * counts a failed test.
 */
export function summarize(steps: StepOutcome[]): Summary {
  let passed = 0;
  let failed = 0;
  const reasons: string[] = [];
  for (const step of steps) {
    passed += step.counts?.passed ?? 0;
    failed += step.counts?.failed ?? 0;
    const reason = unexplainedFailure(step);
    if (reason) {
      failed++;
      reasons.push(`${step.name}: ${reason}`);
    }
  }
  // a report that counts a failed test fails its step, even when the runner exited 0 (vitest can, when its
  // workers are still closing)
  const good = (s: StepOutcome) => s.ok && !(s.counts && s.counts.failed > 0);
  const lines = steps.map((s) => `  ${good(s) ? "ok  " : "FAIL"} ${s.name.padEnd(18)} ${s.seconds.toFixed(1)}s`);
  // the failed tests by name, so that the closing lines alone (all a CI log's tail may keep) say what failed
  const failures = steps.flatMap((s) => (s.counts?.failures ?? []).map((f) => `${s.name}: ${f}`));
  for (const f of failures.slice(0, NAMED_FAILURES)) lines.push(`  failed: ${f}`);
  if (failures.length > NAMED_FAILURES) lines.push(`  failed: … and ${failures.length - NAMED_FAILURES} more`);
  const why = reasons.length ? ` (${reasons.join("; ")})` : "";
  lines.push(`tests: ${passed} passed, ${failed} failed${why}`);
  return { lines, exitCode: steps.every(good) ? 0 : 1 };
}

/** The counts of a vitest JSON report (`--reporter=json`). */
export function vitestReportCounts(report: unknown): TestCounts | null {
  const r = report as {
    numPassedTests?: unknown;
    numFailedTests?: unknown;
    testResults?: {
      name?: string;
      status?: string;
      message?: string;
      assertionResults?: { status?: string; fullName?: string }[];
    }[];
  } | null;
  if (typeof r?.numPassedTests !== "number" || typeof r.numFailedTests !== "number") return null;
  const failures: string[] = [];
  for (const file of Array.isArray(r.testResults) ? r.testResults : []) {
    const name = relativeName(file.name ?? "?");
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) failures.push(`${name} › ${a.fullName ?? "?"}`);
    // a file that failed outside its tests (it did not load, a hook threw)
    if (file.status === "failed" && failed.length === 0) failures.push(`${name} › ${firstLine(file.message)}`);
  }
  return { passed: r.numPassedTests, failed: r.numFailedTests, failures };
}

type PlaywrightSuite = {
  title?: string;
  file?: string;
  specs?: { title?: string; file?: string; tests?: { status?: string }[] }[];
  suites?: PlaywrightSuite[];
};

/** The failed specs of Playwright's report, nested suites included. */
function playwrightFailures(suites: PlaywrightSuite[] | undefined, out: string[] = []): string[] {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? [])
      if ((spec.tests ?? []).some((t) => t.status === "unexpected"))
        out.push(`${spec.file ?? suite.file ?? "?"} › ${spec.title ?? "?"}`);
    playwrightFailures(suite.suites, out);
  }
  return out;
}

const relativeName = (path: string) => {
  const at = path.search(/\/(app|components|lib|e2e|prisma|scripts|server|bench)\//);
  return at >= 0 ? path.slice(at + 1) : path;
};
const firstLine = (message: string | undefined) => (message ?? "failed").split("\n", 1)[0]!.slice(0, 200);

/** The counts of a Playwright JSON report (flaky tests passed on a retry, so they count as passed). */
export function playwrightReportCounts(report: unknown): TestCounts | null {
  const r = report as {
    stats?: { expected?: unknown; unexpected?: unknown; flaky?: unknown };
    suites?: PlaywrightSuite[];
  } | null;
  const stats = r?.stats;
  if (typeof stats?.expected !== "number" || typeof stats.unexpected !== "number") return null;
  const flaky = typeof stats.flaky === "number" ? stats.flaky : 0;
  return { passed: stats.expected + flaky, failed: stats.unexpected, failures: playwrightFailures(r?.suites) };
}
