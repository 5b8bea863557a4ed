// decide() per visitor, in memory: the hot path's CPU cost with no I/O.
import { performance } from "node:perf_hooks";
import { buildSnapshot } from "@/lib/decide/build-snapshot";
import { decide } from "@/lib/decide/decide";
import { benchConfig, benchVisitors } from "./config";

export type PureResult = {
  placements: number;
  experiences: number;
  segments: number;
  behaviorSegments: number;
  visitors: number;
  medianUs: number;
  p99Us: number;
  servedByExperience: number;
};

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export function measurePureDecide(runs = 20_000): PureResult {
  const now = Date.now();
  const config = benchConfig(now);
  const snapshot = buildSnapshot(config, now);
  const placements = [...snapshot.placements.keys()];
  const visitors = benchVisitors(1_000, now);
  const context = { device: "mobile", country: "US", path: "/", visitor: "returning" as const };
  let served = 0;
  const once = (i: number) => {
    const profile = visitors[i % visitors.length]!;
    const result = decide(
      snapshot,
      { profileId: "p", profile, personalization: true, assignments: [] },
      { placements, ids: { anonymousId: `anon-${i % visitors.length}` }, context, now: now + i },
    );
    for (const d of Object.values(result.decisions)) if (d.reason === "experience") served += 1;
  };
  for (let i = 0; i < 2_000; i++) once(i);
  served = 0;
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
  };
}
