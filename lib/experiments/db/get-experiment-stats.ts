import { countVariationExposures } from "./count-variation-exposures";
import { countVariationUnits } from "./count-variation-units";
import { getExperimentState } from "./get-experiment-state";
import { listDailyExposures } from "./list-daily-exposures";

export type ExperimentStats = {
  /** When these counts were read (ISO). */
  at: string;
  status: string;
  /** The current phase's index (0 before the first start). */
  phase: number;
  variations: { id: string; units: number; unitsAll: number; exposures: number }[];
  /** Exposures of the holdout's visitors that reached this experiment's content. */
  holdoutExposures: number;
  /** Exposures per UTC day, oldest first: one entry per variation id (and "" for the holdout). */
  daily: { day: string; byVariation: Record<string, number> }[];
};

/**
 * The experiment page's live counts: units per variation (assignments in the
 * current phase and over all phases), exposures per variation since it began,
 * and exposures per day; null when the experiment is not in this workspace.
 */
export async function getExperimentStats(workspaceId: string, experimentId: string): Promise<ExperimentStats | null> {
  const experiment = await getExperimentState(workspaceId, experimentId);
  if (!experiment) return null;
  const { phase } = experiment;
  const [units, exposures, daily] = await Promise.all([
    countVariationUnits(workspaceId, experimentId, phase),
    countVariationExposures(workspaceId, experimentId),
    listDailyExposures(workspaceId, experimentId),
  ]);
  const days = new Map<string, Record<string, number>>();
  for (const row of daily) {
    const byVariation = days.get(row.day) ?? {};
    byVariation[row.variationId] = (byVariation[row.variationId] ?? 0) + row.exposures;
    days.set(row.day, byVariation);
  }
  return {
    at: new Date().toISOString(),
    status: experiment.status,
    phase,
    variations: experiment.variationIds.map((id) => ({
      id,
      units: units.get(id)?.phase ?? 0,
      unitsAll: units.get(id)?.all ?? 0,
      exposures: exposures.get(id) ?? 0,
    })),
    holdoutExposures: exposures.get("") ?? 0,
    daily: [...days].map(([day, byVariation]) => ({ day, byVariation })),
  };
}
