import { runExclusive } from "@/lib/jobs/periodic";
import { publish } from "@/lib/signals/bus";
import { banditWeights } from "@/lib/stats/bandit";
import { listRunningBandits, saveBanditWeights } from "../db/bandit-rows";
import { loadResultsDesign } from "../db/load-design";
import { metricSums } from "../db/metric-sums";
import { totalsByVariation } from "../totals";

/** Any stable number: the advisory lock that lets one process at a time reweigh the bandits. */
const BANDITS_LOCK = 7_324_016;

/** Every arm needs this many units before the weights move (gbstats' default). */
export const BANDIT_MIN_UNITS = 100;
/** No arm's share falls below this (so a bandit keeps learning about every arm). */
export const BANDIT_MIN_SHARE = 0.01;

/**
 * Reweighs one bandit from its primary goal (the first goal when none is
 * primary): the sufficient statistics per variation of the current phase,
 * Thompson sampling on their posteriors (lib/stats/bandit.ts), the 1 % floor;
 * nothing changes until every arm has 100 units. Top-two Thompson sampling
 * (gbstats' default) from three arms on; with two it would always give ½ each
 * (each arm is the other's runner-up), so two arms get plain Thompson
 * sampling, each arm's weight its chance of being best. Returns whether the
 * weights were written.
 */
export async function reweighBandit(workspaceId: string, experimentId: string, now = new Date()): Promise<boolean> {
  const loaded = await loadResultsDesign(workspaceId, experimentId);
  if (!loaded || !loaded.design.bandit || loaded.design.status !== "running") return false;
  const goal = loaded.goals[0];
  if (!goal || loaded.design.arms.length < 2) return false;
  const { design } = loaded;
  const sums = await metricSums({
    workspaceId,
    experimentId,
    phase: design.phase,
    unitType: loaded.unitType,
    goal,
    cupedDays: 0,
    bucketing: { by: "day" },
    now,
  });
  const ids = design.arms.map((a) => a.variationId);
  const totals = totalsByVariation(sums.rows, ids);
  const arms = ids.map((id) => {
    const t = totals.get(id)!;
    return { n: t.n, sum: t.sum, sumSquares: t.sumSquares };
  });
  const current = design.arms.map((a) => a.weight);
  const total = current.reduce((s, w) => s + w, 0) || 1;
  const result = banditWeights(arms, {
    currentWeights: current.map((w) => w / total),
    minUnits: BANDIT_MIN_UNITS,
    minShare: BANDIT_MIN_SHARE,
    topTwo: arms.length > 2,
    seed: Math.floor(now.getTime() / 60_000), // reproducible for a given minute
    lowerIsBetter: goal.lowerIsBetter,
  });
  if (!result.updated || !result.chances) return false;
  const version = await saveBanditWeights({
    workspaceId,
    experimentId,
    variationIds: ids,
    weights: result.weights,
    units: arms.map((a) => a.n),
    chances: result.chances,
  });
  publish("configChanged", { workspaceId, version });
  return true;
}

/** Reweighs every running bandit of every workspace, unless another process is doing it now. */
export function reweighAllBandits(): Promise<{ bandits: number; reweighed: number } | null> {
  return runExclusive(BANDITS_LOCK, async () => {
    const bandits = await listRunningBandits();
    let reweighed = 0;
    for (const b of bandits) {
      try {
        if (await reweighBandit(b.workspaceId, b.id)) reweighed++;
      } catch (error) {
        console.error(`[bandits] ${b.id} failed:`, error instanceof Error ? error.message : error);
      }
    }
    return { bandits: bandits.length, reweighed };
  });
}
