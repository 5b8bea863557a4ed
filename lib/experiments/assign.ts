import { chooseVariation, getBucketRange, hash, inNamespace } from "./bucketing";

/** What bucketing needs of an experiment. */
export type BucketedExperiment = {
  key: string;
  /** The hash seed; the experiment's key when unset (GrowthBook's default). */
  seed?: string | null;
  /** Share of eligible units that enter, 0..1. */
  coverage: number;
  /** Each variation's share of the entered units (equal when they do not sum to 1). */
  weights: readonly number[];
  /** Its slice [start, end) of a layer's traffic: experiments of one layer take disjoint slices. */
  layer?: { id: string; start: number; end: number } | null;
  /** `getBucketRange(weights.length, coverage, weights)`, when made once beforehand (a snapshot's experiments). */
  ranges?: readonly (readonly [number, number])[];
};

export type ArmChoice =
  | { enrolled: true; variation: number; how: "sticky" | "hashed" }
  | { enrolled: false; reason: "other_layer_slice" | "outside_coverage" };

/**
 * The arm of a unit (an anonymous id, or a verified user id): its stored
 * assignment when it has one (so that changing weights moves no one already
 * assigned), else — when it falls in the experiment's slice of its layer —
 * the variation whose range holds `hash(seed, unitId, 2)`, or none when
 * coverage leaves it out. Pure: what `decide()` and the experiment page's
 * "which arm and why" both use.
 */
export function chooseArm(experiment: BucketedExperiment, unitId: string, stored?: number | null): ArmChoice {
  if (stored !== undefined && stored !== null && stored >= 0 && stored < experiment.weights.length)
    return { enrolled: true, variation: stored, how: "sticky" };
  const { layer } = experiment;
  if (layer && !inNamespace(unitId, [layer.id, layer.start, layer.end]))
    return { enrolled: false, reason: "other_layer_slice" };
  const position = hash(experiment.seed || experiment.key, unitId, 2)!;
  const variation = chooseVariation(
    position,
    experiment.ranges ?? getBucketRange(experiment.weights.length, experiment.coverage, experiment.weights),
  );
  return variation < 0 ? { enrolled: false, reason: "outside_coverage" } : { enrolled: true, variation, how: "hashed" };
}

/**
 * Whether a unit is in the workspace's global holdout (a share of all
 * traffic that gets no personalization at all, defaults everywhere, so that
 * the lift of personalization as a whole can be measured): its own namespace
 * per workspace, hashed like a layer, so that it is independent of every
 * experiment's buckets.
 */
export function inHoldout(workspaceId: string, unitId: string, share: number): boolean {
  return share > 0 && inNamespace(unitId, [`holdout:${workspaceId}`, 0, Math.min(1, share)]);
}
