// decide() per visitor, in memory: the hot path's CPU cost with no I/O.
import { performance } from "node:perf_hooks";
import { buildSnapshot } from "@/lib/decide/build-snapshot";
import { decide } from "@/lib/decide/decide";
import { BENCH_FLAGS, benchConfig, benchVisitors } from "./config";

export type PureResult = {
  placements: number;
  experiences: number;
  segments: number;
  behaviorSegments: number;
  visitors: number;
  medianUs: number;
  p99Us: number;
  servedByExperience: number;
  /** Running experiments in the configuration, and the experiments (arms and flags) answered per visitor. */
  experiments: number;
  experimentsPerVisitor: number;
};

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/**
 * decide() for `runs` visitors in turn. With `withExperiments`, the same
 * configuration plus ten running experiments and a 5 % holdout (see
 * benchExperiments), every request also asking for the three flags, and one
 * visitor in four carrying stored assignments.
 */
export function measurePureDecide(runs = 20_000, withExperiments = false): PureResult {
  const now = Date.now();
  const config = benchConfig(now, 11, withExperiments);
  const snapshot = buildSnapshot(config, now);
  const placements = [...snapshot.placements.keys()];
  const visitors = benchVisitors(1_000, now);
  const context = { device: "mobile", country: "US", path: "/", visitor: "returning" as const };
  const flags = withExperiments ? BENCH_FLAGS : [];
  // a quarter of the visitors were assigned before (sticky): their stored arms come with the profile
  const assignments = visitors.map((_, v) =>
    v % 4 === 0 && withExperiments
      ? config.experiments.map((e, k) => ({
          experimentId: e.id,
          unitId: `anon-${v}`,
          variationId: e.variations[k % e.variations.length]!.id,
          phase: 1,
          assignedAt: now - 86_400_000,
        }))
      : [],
  );
  let served = 0;
  let answered = 0;
  const once = (i: number) => {
    const v = i % visitors.length;
    const result = decide(
      snapshot,
      { profileId: "p", profile: visitors[v]!, personalization: true, assignments: assignments[v]! },
      { placements, experiments: flags, ids: { anonymousId: `anon-${v}` }, context, now: now + i },
    );
    for (const d of Object.values(result.decisions))
      if (d.reason === "experience" || d.reason === "experiment") served += 1;
    answered += Object.keys(result.experiments).length;
  };
  for (let i = 0; i < 2_000; i++) once(i);
  served = 0;
  answered = 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    once(i);
    times.push((performance.now() - t) * 1000);
  }
  times.sort((a, b) => a - b);
  return {
    placements: placements.length,
    experiences: [...snapshot.placements.values()].reduce((n, p) => n + p.experiences.length, 0),
    segments: config.segments.length,
    behaviorSegments: config.segments.filter((s) => s.rule.children.some((c) => c.type === "behavior")).length,
    visitors: visitors.length,
    medianUs: quantile(times, 0.5),
    p99Us: quantile(times, 0.99),
    servedByExperience: served / runs,
    experiments: config.experiments.length,
    experimentsPerVisitor: answered / runs,
  };
}
