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
    });
    expect(vitestReportCounts({})).toBeNull();
    expect(vitestReportCounts(null)).toBeNull();
  });

  it("reads Playwright's JSON report, flaky tests as passed", () => {
    expect(playwrightReportCounts({ stats: { expected: 28, unexpected: 1, flaky: 2, skipped: 0 } })).toEqual({
      passed: 30,
      failed: 1,
    });
    expect(playwrightReportCounts({ errors: [] })).toBeNull();
  });
});
