import { describe, expect, it } from "vitest";
import { nextStatus, phaseChange } from "./lifecycle";

describe("nextStatus", () => {
  it("follows draft → running ⇄ paused → stopped → archived", () => {
    expect(nextStatus("draft", "start")).toEqual({ ok: true, status: "running" });
    expect(nextStatus("running", "pause")).toEqual({ ok: true, status: "paused" });
    expect(nextStatus("paused", "resume")).toEqual({ ok: true, status: "running" });
    expect(nextStatus("paused", "stop")).toEqual({ ok: true, status: "stopped" });
    expect(nextStatus("stopped", "archive")).toEqual({ ok: true, status: "archived" });
    expect(nextStatus("stopped", "start").ok).toBe(false);
    expect(nextStatus("running", "archive").ok).toBe(false);
    expect(nextStatus("archived", "resume").ok).toBe(false);
  });
});

describe("phaseChange", () => {
  const base = { weights: [1, 1], coverage: 1, targeting: { segmentId: null, rule: null }, seed: "x" };
  it("starts a phase when weights, coverage, targeting or the seed change, not for the same split written otherwise", () => {
    expect(phaseChange(base, { ...base, weights: [2, 2] })).toBeNull();
    expect(phaseChange(base, { ...base, weights: [3, 1] })).toBe("weights");
    expect(phaseChange(base, { ...base, coverage: 0.5, targeting: { segmentId: "s", rule: null } })).toBe(
      "coverage, targeting",
    );
    expect(phaseChange(base, { ...base, seed: "x-2", weights: [3, 1] })).toBe("re-randomized");
  });
});
