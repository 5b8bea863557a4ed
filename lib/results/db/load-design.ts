import { db } from "@/lib/db/client";
import { factorsSchema, variationPayloadSchema } from "@/lib/experiments/schema";
import { storedGoalFilters } from "@/lib/goals/stored-filters";
import type { PropertyFilter } from "@/lib/segments/schema";
import type { GoalDesign } from "../analyze-metric";
import type { ExperimentDesign } from "../analyze-experiment";
import type { Engine } from "../types";

/** A goal as the results read it: its design and what the query needs. */
export type ResultsGoal = GoalDesign & { filters: PropertyFilter[]; capPercentile: number | null };

export type LoadedDesign = {
  design: ExperimentDesign;
  unitType: "anonymous_id" | "user_id";
  goals: ResultsGoal[];
  /** The engine the experiment chose, else the workspace's default. */
  engine: Engine;
  /** The experiment follows the workspace's default (it chose no engine of its own). */
  engineIsDefault: boolean;
  /** The workspace's default engine. */
  workspaceEngine: Engine;
  /** When the phase analyzed began (for the traffic rate). */
  phaseStartedAt: Date | null;
};

const ROLE_ORDER = { primary: 0, secondary: 1, guardrail: 2 } as const;

/**
 * What the results of an experiment are computed from: its variations in
 * order with the weights of the phase analyzed (the current one unless
 * `phase` names another) and, for a multivariate test, each cell's level
 * index per factor; its goals (primary first); the engine. Null when the
 * experiment is not in this workspace, or the phase does not exist.
 */
export async function loadResultsDesign(
  workspaceId: string,
  experimentId: string,
  phase?: number,
): Promise<LoadedDesign | null> {
  const e = await db.experiment.findFirst({
    where: { id: experimentId, workspaceId },
    select: {
      id: true,
      key: true,
      name: true,
      type: true,
      status: true,
      bandit: true,
      cupedDays: true,
      unitType: true,
      factors: true,
      statsEngine: true,
      workspace: { select: { statsEngine: true } },
      variations: {
        select: { id: true, key: true, name: true, weight: true, isControl: true, payload: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
      phases: { select: { index: true, weights: true, startedAt: true }, orderBy: { index: "desc" } },
      goals: {
        select: {
          role: true,
          goal: {
            select: {
              id: true,
              name: true,
              kind: true,
              eventName: true,
              valueProperty: true,
              windowDays: true,
              filters: true,
              capPercentile: true,
              lowerIsBetter: true,
            },
          },
        },
      },
    },
  });
  if (!e) return null;
  const current = e.phases[0]?.index ?? 0;
  const chosen = phase ?? current;
  const phaseRow = e.phases.find((p) => p.index === chosen) ?? null;
  if (phase !== undefined && !phaseRow) return null;
  const factors = e.type === "multivariate" ? factorsSchema.safeParse(e.factors) : null;
  const parsedFactors = factors?.success ? factors.data : null;
  const weights = phaseRow && phaseRow.weights.length === e.variations.length ? phaseRow.weights : null;
  const arms = e.variations.map((v, i) => {
    const payload = variationPayloadSchema.safeParse(v.payload ?? {});
    const levels =
      parsedFactors && payload.success && payload.data.levels
        ? parsedFactors.map((f) => f.levels.findIndex((l) => l.key === payload.data.levels![f.key]))
        : null;
    return {
      variationId: v.id,
      key: v.key,
      name: v.name,
      isControl: v.isControl,
      weight: weights?.[i] ?? v.weight,
      levels: levels && levels.every((l) => l >= 0) ? levels : null,
    };
  });
  const goals = e.goals
    .map(({ role, goal }) => ({
      id: goal.id,
      name: goal.name,
      role,
      kind: goal.kind,
      eventName: goal.eventName,
      valueProperty: goal.valueProperty,
      windowDays: goal.windowDays,
      filters: storedGoalFilters(goal.filters),
      capPercentile: goal.capPercentile,
      lowerIsBetter: goal.lowerIsBetter,
    }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
  return {
    design: {
      id: e.id,
      key: e.key,
      name: e.name,
      type: e.type,
      status: e.status,
      phase: chosen,
      bandit: e.bandit,
      cupedDays: e.cupedDays,
      arms,
      factors: parsedFactors?.map((f) => ({ key: f.key, name: f.name, levels: f.levels.map((l) => l.name) })) ?? null,
    },
    unitType: e.unitType === "user_id" ? "user_id" : "anonymous_id",
    goals,
    engine: e.statsEngine ?? e.workspace.statsEngine,
    engineIsDefault: e.statsEngine === null,
    workspaceEngine: e.workspace.statsEngine,
    phaseStartedAt: phaseRow?.startedAt ?? null,
  };
}
