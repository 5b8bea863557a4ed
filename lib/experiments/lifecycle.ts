/** An experiment's statuses, in the order of its life. */
export type ExperimentStatus = "draft" | "running" | "paused" | "stopped" | "archived";
/** What a marketer (or the admin API) does to an experiment's status. */
export type LifecycleStep = "start" | "pause" | "resume" | "stop" | "archive";

const STEPS: Record<LifecycleStep, { from: readonly ExperimentStatus[]; to: ExperimentStatus }> = {
  start: { from: ["draft"], to: "running" },
  pause: { from: ["running"], to: "paused" },
  resume: { from: ["paused"], to: "running" },
  stop: { from: ["running", "paused"], to: "stopped" },
  archive: { from: ["draft", "stopped"], to: "archived" },
};

/**
 * The status a step leads to from this one, or why it cannot be taken:
 * draft → running ⇄ paused → stopped (with a winner rolled out, or none) →
 * archived; a draft may also be archived unstarted.
 */
export function nextStatus(
  from: ExperimentStatus,
  step: LifecycleStep,
): { ok: true; status: ExperimentStatus } | { ok: false; message: string } {
  const rule = STEPS[step];
  if (rule.from.includes(from)) return { ok: true, status: rule.to };
  return { ok: false, message: `A ${from} experiment cannot ${step}; it can from ${rule.from.join(" or ")}` };
}

/** What a phase is run with: a change of any of these starts a new phase. */
export type PhaseSettings = { weights: readonly number[]; coverage: number; targeting: unknown; seed: string };

/**
 * Why a change to a running (or paused) experiment starts a new phase, or
 * null when it does not: results are read per phase, since units that
 * entered under other weights, coverage or targeting are not comparable.
 */
export function phaseChange(before: PhaseSettings, after: PhaseSettings): string | null {
  if (before.seed !== after.seed) return "re-randomized";
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((w, i) => Math.abs(w - b[i]!) < 1e-12);
  const reasons: string[] = [];
  if (!same(normalize(before.weights), normalize(after.weights))) reasons.push("weights");
  if (Math.abs(before.coverage - after.coverage) > 1e-12) reasons.push("coverage");
  if (JSON.stringify(before.targeting ?? null) !== JSON.stringify(after.targeting ?? null)) reasons.push("targeting");
  return reasons.length > 0 ? reasons.join(", ") : null;
}

function normalize(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return total > 0 ? weights.map((w) => w / total) : [...weights];
}
