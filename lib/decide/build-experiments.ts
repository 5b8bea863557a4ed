import { compileRule } from "@/lib/segments/evaluate";
import type { RuleGroup } from "@/lib/segments/schema";
import type { SegmentRef } from "@/lib/segments/state";
import { getBucketRange } from "@/lib/experiments/bucketing";
import { factorsSchema, variationPayloadSchema } from "@/lib/experiments/schema";
import {
  indexExperiments,
  normalizedWeights,
  type SnapshotArm,
  type SnapshotExperiment,
  type SnapshotExperiments,
} from "@/lib/experiments/snapshot";

/** An experiment's rows as a snapshot is built from them (loaded by lib/decide/db/load-config.ts). */
export type ExperimentConfig = {
  id: string;
  key: string;
  name: string;
  type: "ab" | "multivariate" | "flag";
  status: "draft" | "running" | "paused" | "stopped" | "archived";
  seed: string;
  seedPhase: number;
  /** The current phase's index (0 before the first start). */
  phase: number;
  coverage: number;
  unitType: string;
  layerId: string | null;
  layerStart: number | null;
  layerEnd: number | null;
  experienceId: string | null;
  placementId: string | null;
  segmentId: string | null;
  rule: RuleGroup | null;
  factors: unknown;
  startsAt: Date | null;
  endsAt: Date | null;
  winnerVariationId: string | null;
  /** In their order (the control first unless another is marked). */
  variations: {
    id: string;
    key: string;
    name: string;
    weight: number;
    isControl: boolean;
    variantId: string | null;
    payload: unknown;
  }[];
};

/** The rule an experiment targets: its saved segment, its inline rule, or null for everyone. */
export function experimentRule(e: { segmentId: string | null; rule: RuleGroup | null }): RuleGroup | null {
  if (e.segmentId)
    return {
      type: "group",
      id: "target",
      combinator: "and",
      children: [{ type: "segment", id: "target-segment", segmentId: e.segmentId, op: "in" }],
    };
  return e.rule && e.rule.children.length > 0 ? e.rule : null;
}

/** What each arm serves per placement: an A/B arm its variant in the experience's placement, a cell its levels' variants. */
function armVariants(e: ExperimentConfig, v: ExperimentConfig["variations"][number]): Map<string, string | null> {
  if (e.type === "ab") return new Map(e.placementId ? [[e.placementId, v.variantId]] : []);
  if (e.type !== "multivariate") return new Map();
  const factors = factorsSchema.safeParse(e.factors);
  const payload = variationPayloadSchema.safeParse(v.payload);
  const map = new Map<string, string | null>();
  if (!factors.success || !payload.success) return map;
  for (const f of factors.data) {
    const level = f.levels.find((l) => l.key === payload.data.levels?.[f.key]) ?? f.levels[0]!;
    map.set(f.placementId, level.variantId);
  }
  return map;
}

/**
 * The experiments part of a snapshot: running ones enroll, paused ones serve
 * their control, stopped ones with a winner serve it, drafts only answer
 * preview links; archived ones and stopped ones without a winner take no part. Targeting rules are
 * compiled like experiences'.
 */
export function buildExperiments(
  rows: readonly ExperimentConfig[],
  segments: ReadonlyMap<string, SegmentRef>,
  holdoutShare: number,
): SnapshotExperiments {
  const experiments: SnapshotExperiment[] = [];
  for (const e of rows) {
    const winner = e.winnerVariationId ? e.variations.findIndex((v) => v.id === e.winnerVariationId) : -1;
    const state =
      e.status === "running"
        ? "running"
        : e.status === "paused"
          ? "paused"
          : e.status === "stopped" && winner >= 0
            ? "rollout"
            : null;
    if (!state || e.variations.length === 0) continue;
    const rule = experimentRule(e);
    const weights = normalizedWeights(e.variations.map((v) => v.weight));
    const arms: SnapshotArm[] = e.variations.map((v) => ({
      id: v.id,
      key: v.key,
      name: v.name,
      variants: armVariants(e, v),
      value: e.type === "flag" ? (variationPayloadSchema.safeParse(v.payload).data?.value ?? null) : null,
    }));
    const control = Math.max(
      0,
      e.variations.findIndex((v) => v.isControl),
    );
    const placementIds = [...new Set(arms.flatMap((a) => [...a.variants.keys()]))];
    experiments.push({
      id: e.id,
      key: e.key,
      name: e.name,
      type: e.type,
      state,
      seed: e.seed || e.key,
      phase: Math.max(1, e.phase),
      seedPhase: e.seedPhase,
      coverage: e.coverage,
      weights,
      ranges: getBucketRange(weights.length, e.coverage, weights),
      unitType: e.unitType === "user_id" ? "user_id" : "anonymous_id",
      layer:
        e.layerId && e.layerStart !== null && e.layerEnd !== null
          ? { id: e.layerId, start: e.layerStart, end: e.layerEnd }
          : null,
      rule,
      matches: rule ? compileRule(rule, segments) : null,
      startsAt: e.startsAt?.getTime() ?? null,
      endsAt: e.endsAt?.getTime() ?? null,
      arms,
      control,
      winner: winner >= 0 ? winner : null,
      experienceId: e.type === "ab" ? e.experienceId : null,
      placementIds,
    });
  }
  return indexExperiments(experiments, holdoutShare);
}
