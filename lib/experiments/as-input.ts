import type { ExperimentInput } from "./schema";

/** The fields of an experiment's resource (the admin API's view) that `experimentInputSchema` takes. */
export type ResourceFields = {
  key: string;
  name: string;
  hypothesis: string;
  type: ExperimentInput["type"];
  experienceId: string | null;
  variations: { key: string; name: string; weight: number; variantId: string | null; value?: unknown }[];
  factors: ExperimentInput["factors"];
  targeting: { segmentId: string | null; rule: unknown };
  coverage: number;
  unitType: string;
  layerId: string | null;
  layerShare: number;
  startsAt: string | null;
  endsAt: string | null;
  goals: { goalId: string; role: string }[];
};

/**
 * An experiment's current settings as a full input, with a partial change
 * laid over them (what `PATCH /api/v1/experiments/{id}` means): top-level
 * fields given replace the current ones whole; those left out stay.
 */
export function patchedInput(current: ResourceFields, change: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = {
    key: current.key,
    name: current.name,
    hypothesis: current.hypothesis,
    type: current.type,
    experienceId: current.experienceId,
    variations:
      current.type === "multivariate"
        ? []
        : current.variations.map((v) => ({
            key: v.key,
            name: v.name,
            weight: v.weight,
            variantId: v.variantId,
            ...(v.value !== undefined ? { value: v.value } : {}),
          })),
    factors: current.factors,
    targeting: current.targeting,
    coverage: current.coverage,
    unitType: current.unitType,
    layerId: current.layerId,
    layerShare: current.layerShare,
    startsAt: current.startsAt,
    endsAt: current.endsAt,
    goals: current.goals,
  };
  return { ...base, ...change };
}
