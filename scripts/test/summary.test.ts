import { describe, expect, it } from "vitest";
import { playwrightReportCounts, summarize, vitestReportCounts, type StepOutcome } from "./summary";

const passing: StepOutcome[] = [
  { name: "type check", seconds: 9.5, ok: true },
  { name: "lint", seconds: 20, ok: true },
  { name: "unit tests", seconds: 30, ok: true, counts: { passed: 400, failed: 0 } },
  { name: "integration tests", seconds: 60, ok: true, counts: { passed: 114, failed: 0 } },
];
const closing = (steps: StepOutcome[]) => summarize(steps).lines.at(-1);

describe("summarize", () => {
  it("adds up the reports of a passing run and exits 0", () => {
    const summary = summarize([
      ...passing,
      { name: "browser tests", seconds: 90, ok: true, counts: { passed: 30, failed: 0 } },
    ]);
    expect(summary.lines.at(-1)).toBe("tests: 544 passed, 0 failed");
    expect(summary.exitCode).toBe(0);
    expect(summary.lines[0]).toBe("  ok   type check         9.5s");
  });

  it("counts a failed step that wrote no report as a failure, and exits 1", () => {
    const summary = summarize([...passing, { name: "browser tests", seconds: 2, ok: false, counts: null }]);
    expect(summary.lines.at(-1)).toBe("tests: 514 passed, 1 failed (browser tests: no report)");
    expect(summary.lines).toContain("  FAIL browser tests      2.0s");
    expect(summary.exitCode).toBe(1);
  });

  it("counts a failed step whose report counts no failure (e.g. the web server did not start)", () => {
    expect(
      closing([...passing, { name: "browser tests", seconds: 2, ok: false, counts: { passed: 0, failed: 0 } }]),
    ).toBe("tests: 514 passed, 1 failed (browser tests: failed with no failing test)");
  });

  it("counts a failed step that runs no tests, so a failed run never reads 0 failed", () => {
    const [typeCheck, ...rest] = passing;
    const summary = summarize([{ ...typeCheck!, ok: false }, ...rest]);
    expect(summary.lines.at(-1)).toBe("tests: 514 passed, 1 failed (type check: failed)");
    expect(summary.exitCode).toBe(1);
  });

  it("takes a report's failed tests as the explanation of its step's failure", () => {
    const failing = { name: "unit tests", seconds: 30, ok: false, counts: { passed: 398, failed: 2 } };
    expect(closing([failing, { name: "browser tests", seconds: 1, ok: false, counts: null }])).toBe(
      "tests: 398 passed, 3 failed (browser tests: no report)",
    );
  });

  it("fails a step whose report counts a failed test even when its runner exited 0, and exits 1", () => {
    const summary = summarize([
      passing[0]!,
      { name: "integration tests", seconds: 68.8, ok: true, counts: { passed: 193, failed: 1 } },
    ]);
    expect(summary.lines).toContain("  FAIL integration tests  68.8s");
    expect(summary.lines.at(-1)).toBe("tests: 193 passed, 1 failed");
    expect(summary.exitCode).toBe(1);
  });

  it("exits 1 when a step failed even if every report passed", () => {
    expect(summarize([{ name: "lint", seconds: 1, ok: false }]).exitCode).toBe(1);
  });
});

describe("report counts", () => {
  it("reads vitest's JSON report, and nothing from something else", () => {
    expect(vitestReportCounts({ numPassedTests: 5, numFailedTests: 1, numTotalTests: 6 })).toEqual({
      passed: 5,
      failed: 1,
      failures: [],
    });
    expect(vitestReportCounts({})).toBeNull();
    expect(vitestReportCounts(null)).toBeNull();
  });

  it("reads Playwright's JSON report, flaky tests as passed", () => {
    expect(playwrightReportCounts({ stats: { expected: 28, unexpected: 1, flaky: 2, skipped: 0 } })).toEqual({
      passed: 30,
      failed: 1,
      failures: [],
    });
    expect(playwrightReportCounts({ errors: [] })).toBeNull();
  });
});

describe("failed tests by name", () => {
  it("names vitest's failed tests with their file, and a file that failed outside its tests", () => {
    const counts = vitestReportCounts({
      numPassedTests: 3,
      numFailedTests: 1,
      testResults: [
        {
          name: "/check/work/main/lib/api/fuzz.integration.test.ts",
          status: "failed",
          assertionResults: [
            { status: "passed", fullName: "answers" },
            { status: "failed", fullName: "fuzz no input gives a 500" },
          ],
        },
        { name: "/x/lib/a.test.ts", status: "failed", message: "Cannot find module './b'\nat …", assertionResults: [] },
        { name: "/x/lib/c.test.ts", status: "passed", assertionResults: [{ status: "passed", fullName: "c" }] },
      ],
    });
    expect(counts?.failures).toEqual([
      "lib/api/fuzz.integration.test.ts › fuzz no input gives a 500",
      "lib/a.test.ts › Cannot find module './b'",
    ]);
  });

  it("names Playwright's unexpected specs in nested suites, not the flaky ones", () => {
    const counts = playwrightReportCounts({
      stats: { expected: 1, unexpected: 1, flaky: 1 },
      suites: [
        {
          file: "security.spec.ts",
          specs: [{ title: "cannot be framed", file: "security.spec.ts", tests: [{ status: "unexpected" }] }],
          suites: [{ specs: [{ title: "retried", file: "sign-in.spec.ts", tests: [{ status: "flaky" }] }] }],
        },
      ],
    });
    expect(counts?.failures).toEqual(["security.spec.ts › cannot be framed"]);
  });

  it("lists them under the steps, before the totals, at most 15 and then how many more", () => {
    const failures = Array.from({ length: 17 }, (_, i) => `lib/x.test.ts › case ${i}`);
    const summary = summarize([
      { name: "unit tests", seconds: 1, ok: false, counts: { passed: 0, failed: 17, failures } },
    ]);
    expect(summary.lines[1]).toBe("  failed: unit tests: lib/x.test.ts › case 0");
    expect(summary.lines.at(-2)).toBe("  failed: … and 2 more");
    expect(summary.lines.at(-1)).toBe("tests: 0 passed, 17 failed");
  });
});
