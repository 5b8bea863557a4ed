import { estimatedDays, unitsPerArm } from "@/lib/experiments/duration";
import type { RecentTraffic } from "@/lib/experiments/db/get-recent-traffic";

export type EstimateInput = {
  traffic: RecentTraffic | null;
  /** The placements the test decides (A/B: its experience's; multivariate: each factor's; flag: none). */
  placementIds: readonly string[];
  holdoutShare: number;
  /** 0..1 */
  coverage: number;
  /** 0..1 (1 without a layer) */
  layerShare: number;
  arms: number;
  /** The primary goal's conversion rate, 0..1, or null without one. */
  baseline: number | null;
  /** The relative lift to detect, e.g. 0.1. */
  mde: number;
};

export type Estimate = {
  /** Visitors a day the test could reach, before targeting; null without traffic. */
  dailyVisitors: number | null;
  /** Whether that figure is capped by the tested placements' impressions. */
  cappedByPlacement: boolean;
  /** The share of those that would enter: coverage × layer share × (1 − holdout). */
  entering: number;
  unitsPerArm: number | null;
  days: number | null;
};

/**
 * How long the test would need at recent traffic: the units per arm (Fleiss)
 * for the baseline and lift, over the units a day that would enter. A visitor
 * is only exposed where a tested placement is shown, so the distinct visitors
 * a day are capped by its impressions a day when any were recorded.
 */
export function durationEstimate(p: EstimateInput): Estimate {
  const entering = p.coverage * p.layerShare * (1 - p.holdoutShare);
  const n = p.baseline === null ? null : unitsPerArm(p.baseline, p.mde);
  if (!p.traffic) return { dailyVisitors: null, cappedByPlacement: false, entering, unitsPerArm: n, days: null };
  const impressions = p.placementIds.map((id) => p.traffic!.impressionsPerDay[id] ?? 0).filter((x) => x > 0);
  const seen = impressions.length > 0 ? Math.max(...impressions) : null;
  const visitors = p.traffic.visitorsPerDay;
  const capped = seen !== null && (visitors === 0 || seen < visitors);
  const dailyVisitors = capped ? seen : visitors;
  const days =
    p.baseline === null
      ? null
      : estimatedDays({ baseline: p.baseline, mde: p.mde, arms: p.arms, dailyVisitors, coverage: entering });
  return { dailyVisitors, cappedByPlacement: capped, entering, unitsPerArm: n, days };
}
