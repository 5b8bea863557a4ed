import type { CompiledRule } from "@/lib/segments/evaluate";
import type { RuleGroup } from "@/lib/segments/schema";

/** One arm of an experiment as decisions use it. */
export type SnapshotArm = {
  id: string;
  key: string;
  name: string;
  /** What it serves in each placement it controls (by placement id): a content variant's id, or null for the default. */
  variants: ReadonlyMap<string, string | null>;
  /** A flag's value (null for content experiments). */
  value: unknown;
};

/**
 * An experiment as decisions see it. `running` enrolls units; `paused`
 * serves everyone it targets the control and enrolls no one; `rollout` (stopped
 * with a winner) serves everyone the winner and enrolls no one; `draft` takes
 * no part in decisions but can be shown by a preview link.
 */
export type SnapshotExperiment = {
  id: string;
  key: string;
  name: string;
  type: "ab" | "multivariate" | "flag";
  state: "running" | "paused" | "rollout" | "draft";
  seed: string;
  /** The current phase, and the phase the current seed began with (earlier assignments no longer stick). */
  phase: number;
  seedPhase: number;
  coverage: number;
  weights: readonly number[];
  /** The hash's ranges of its arms (getBucketRange of its weights and coverage), made once. */
  ranges: readonly (readonly [number, number])[];
  unitType: "anonymous_id" | "user_id";
  layer: { id: string; start: number; end: number } | null;
  /** Targeting: null for everyone; the rule as written (for "why") and compiled. */
  rule: RuleGroup | null;
  matches: CompiledRule | null;
  /** Instants (ms) between which it enrolls; null = open. */
  startsAt: number | null;
  endsAt: number | null;
  arms: readonly SnapshotArm[];
  /** The arm served when paused, and to units it does not enroll where it decides (flags). */
  control: number;
  /** The arm everyone is served (state rollout). */
  winner: number | null;
  /** A/B: the experience it splits. */
  experienceId: string | null;
  /** The placements whose content it decides (an A/B test's one, a multivariate test's factors). */
  placementIds: readonly string[];
};

/** The experiments part of a workspace's snapshot, indexed the ways decisions look them up. */
export type SnapshotExperiments = {
  /** By key. */
  all: ReadonlyMap<string, SnapshotExperiment>;
  /** A/B tests by the experience they split. */
  byExperience: ReadonlyMap<string, SnapshotExperiment>;
  /** Multivariate tests by each placement they decide. */
  byPlacement: ReadonlyMap<string, SnapshotExperiment>;
  /** Share of units in the global holdout, 0..0.5. */
  holdoutShare: number;
};

export const NO_EXPERIMENTS: SnapshotExperiments = {
  all: new Map(),
  byExperience: new Map(),
  byPlacement: new Map(),
  holdoutShare: 0,
};

/** A variation's share, equal ones when the weights do not make a usable whole. */
export function normalizedWeights(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + (w > 0 ? w : 0), 0);
  if (!(total > 0)) return weights.map(() => 1 / weights.length);
  return weights.map((w) => (w > 0 ? w : 0) / total);
}

/** Indexes experiments for decisions: A/B tests by experience, multivariate tests by placement, everything by key. */
export function indexExperiments(
  experiments: readonly SnapshotExperiment[],
  holdoutShare: number,
): SnapshotExperiments {
  const all = new Map<string, SnapshotExperiment>();
  const byExperience = new Map<string, SnapshotExperiment>();
  const byPlacement = new Map<string, SnapshotExperiment>();
  for (const e of experiments) {
    all.set(e.key, e);
    if (e.state === "draft") continue; // only preview links reach a draft
    if (e.type === "ab" && e.experienceId) byExperience.set(e.experienceId, e);
    if (e.type === "multivariate") for (const p of e.placementIds) byPlacement.set(p, e);
  }
  return { all, byExperience, byPlacement, holdoutShare: Math.max(0, Math.min(0.5, holdoutShare)) };
}
