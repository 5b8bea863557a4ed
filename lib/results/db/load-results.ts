import { countVariationUnits } from "@/lib/experiments/db/count-variation-units";
import { analyzeExperiment, correctAcross } from "../analyze-experiment";
import { analyzeMetric } from "../analyze-metric";
import type { ResultsQuery } from "../schema";
import type { SumsBucketing } from "../sums";
import type { Correction, Engine, ExperimentResults, ResultsSettings } from "../types";
import { listBanditUpdates } from "./list-bandit-updates";
import { loadResultsDesign, type LoadedDesign, type ResultsGoal } from "./load-design";
import { metricSums } from "./metric-sums";
import { recentUnitsPerDay } from "./recent-units";

const DIMENSION_LABELS = {
  device: "Device",
  country: "Country",
  returning: "New vs returning",
  segment: "Segment",
} as const;

/** The results of an experiment with the engine it chose (or the workspace's) and whether that is the default. */
export type LoadedResults = ExperimentResults & {
  /** The numbers are read by the experiment's default engine, and that default is the workspace's. */
  engineIsDefault: boolean;
  /** The experiment's default engine: its own choice, else the workspace's. */
  defaultEngine: Engine;
  /** The experiment's own choice of engine; null: it follows the workspace's. */
  experimentEngine: Engine | null;
  workspaceEngine: Engine;
};

/**
 * An experiment's results, computed now: one sufficient-statistics query per
 * goal (by day of first exposure), one more per goal for a dimension
 * breakdown (of the primary goal), the phase's units and recent traffic, a
 * bandit's history; then the pure analysis. Null when the experiment (or the
 * phase asked for) is not in this workspace.
 */
export async function loadExperimentResults(
  workspaceId: string,
  experimentId: string,
  query: ResultsQuery,
  now = new Date(),
): Promise<LoadedResults | null> {
  const loaded = await loadResultsDesign(workspaceId, experimentId, query.phase);
  if (!loaded) return null;
  const { design } = loaded;
  const settings: ResultsSettings = {
    engine: (query.engine as Engine | undefined) ?? loaded.engine,
    alpha: query.alpha,
    correction: query.correction as Correction,
    mde: query.mde,
    tuningParameter: query.tuningParameter,
  };
  const sumsOf = (goal: ResultsGoal, bucketing: SumsBucketing) =>
    metricSums({
      workspaceId,
      experimentId,
      phase: design.phase,
      unitType: loaded.unitType,
      goal,
      cupedDays: design.cupedDays,
      bucketing,
      now,
    });
  const [metrics, units, unitsPerDay, banditSummary] = await Promise.all([
    Promise.all(loaded.goals.map(async (goal) => ({ goal, sums: await sumsOf(goal, { by: "day" }) }))),
    countVariationUnits(workspaceId, experimentId, design.phase),
    recentUnitsPerDay(workspaceId, experimentId, design.phase, loaded.phaseStartedAt, now),
    design.bandit ? listBanditUpdates(workspaceId, experimentId, design.arms) : Promise.resolve(null),
  ]);
  const results = analyzeExperiment({
    design,
    metrics,
    units: new Map([...units].map(([id, c]) => [id, c.phase])),
    unitsPerDay,
    banditSummary,
    settings,
    now,
  });
  return {
    ...results,
    dimension: query.dimension ? await breakdown(loaded, results.settings, query, sumsOf) : null,
    engineIsDefault: loaded.engineIsDefault && !query.engine,
    defaultEngine: loaded.engine,
    experimentEngine: loaded.engineIsDefault ? null : loaded.engine,
    workspaceEngine: loaded.workspaceEngine,
  };
}

/**
 * The primary goal per value of a dimension: each value's table read as the
 * whole one is, corrected across values × variations (a family of its own).
 */
async function breakdown(
  loaded: LoadedDesign,
  settings: ResultsSettings,
  query: ResultsQuery,
  sumsOf: (goal: ResultsGoal, bucketing: SumsBucketing) => ReturnType<typeof metricSums>,
): Promise<ExperimentResults["dimension"]> {
  const key = query.dimension!;
  const goal = loaded.goals[0];
  const label = DIMENSION_LABELS[key];
  if (!goal) return { key, label, rows: [] };
  const bucketing: SumsBucketing = key === "segment" ? { by: "segment", segmentId: query.segmentId! } : { by: key };
  const sums = await sumsOf(goal, bucketing);
  const values = [...new Set(sums.rows.map((r) => r.bucket))].sort();
  const metrics = values.map((value) =>
    analyzeMetric({
      arms: loaded.design.arms,
      goal,
      sums: { ...sums, rows: sums.rows.filter((r) => r.bucket === value) },
      settings,
      cupedDays: loaded.design.cupedDays,
      byDay: false,
    }),
  );
  const corrected = correctAcross(metrics, settings);
  return { key, label, rows: values.map((value, i) => ({ value, metric: corrected[i]! })) };
}
