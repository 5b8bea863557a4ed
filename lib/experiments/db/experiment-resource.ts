import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { factorsSchema, phaseTargetingSchema, variationPayloadSchema } from "../schema";

const SELECT = {
  id: true,
  key: true,
  name: true,
  hypothesis: true,
  type: true,
  status: true,
  seed: true,
  coverage: true,
  unitType: true,
  layerId: true,
  layerStart: true,
  layerEnd: true,
  experienceId: true,
  placementId: true,
  segmentId: true,
  rules: true,
  factors: true,
  startsAt: true,
  endsAt: true,
  winnerVariationId: true,
  bandit: true,
  cupedDays: true,
  statsEngine: true,
  startedAt: true,
  endedAt: true,
  createdAt: true,
  updatedAt: true,
  variations: {
    select: { id: true, key: true, name: true, weight: true, isControl: true, variantId: true, payload: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  phases: {
    select: { index: true, startedAt: true, endedAt: true, seed: true, coverage: true, weights: true, reason: true },
    orderBy: { index: "asc" },
  },
  goals: { select: { goalId: true, role: true } },
} satisfies Prisma.ExperimentSelect;

type Row = Prisma.ExperimentGetPayload<{ select: typeof SELECT }>;

/** An experiment as the admin API shows it (what `POST /api/v1/experiments` takes, plus status, phases and ids). */
function resourceOf(e: Row) {
  const rule = phaseTargetingSchema.shape.rule.safeParse(e.rules ?? null);
  return {
    id: e.id,
    key: e.key,
    name: e.name,
    hypothesis: e.hypothesis,
    type: e.type,
    status: e.status,
    experienceId: e.experienceId,
    placementId: e.placementId,
    variations: e.variations.map((v) => {
      const payload = variationPayloadSchema.safeParse(v.payload ?? {});
      return {
        id: v.id,
        key: v.key,
        name: v.name,
        weight: v.weight,
        control: v.isControl,
        variantId: v.variantId,
        ...(payload.success && payload.data.value !== undefined ? { value: payload.data.value } : {}),
        ...(payload.success && payload.data.levels ? { levels: payload.data.levels } : {}),
      };
    }),
    factors: e.factors === null ? null : (factorsSchema.safeParse(e.factors).data ?? null),
    targeting: { segmentId: e.segmentId, rule: rule.success ? rule.data : null },
    coverage: e.coverage,
    unitType: e.unitType,
    layerId: e.layerId,
    layerShare: e.layerStart !== null && e.layerEnd !== null ? e.layerEnd - e.layerStart : 1,
    layerSlice: e.status !== "draft" && e.layerStart !== null ? { start: e.layerStart, end: e.layerEnd } : null,
    seed: e.seed,
    startsAt: e.startsAt?.toISOString() ?? null,
    endsAt: e.endsAt?.toISOString() ?? null,
    winnerVariationId: e.winnerVariationId,
    bandit: e.bandit,
    cupedDays: e.cupedDays,
    statsEngine: e.statsEngine,
    goals: e.goals,
    phases: e.phases.map((p) => ({
      index: p.index,
      startedAt: p.startedAt.toISOString(),
      endedAt: p.endedAt?.toISOString() ?? null,
      seed: p.seed,
      coverage: p.coverage,
      weights: p.weights,
      reason: p.reason,
    })),
    startedAt: e.startedAt?.toISOString() ?? null,
    endedAt: e.endedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type ExperimentResource = ReturnType<typeof resourceOf>;

/** One experiment of the workspace as the admin API shows it, or null. */
export async function getExperimentResource(workspaceId: string, id: string): Promise<ExperimentResource | null> {
  const row = await db.experiment.findFirst({ where: { workspaceId, id }, select: SELECT });
  return row ? resourceOf(row) : null;
}

/** The workspace's experiments as the admin API lists them, newest first (at most `limit`). */
export async function listExperimentResources(
  workspaceId: string,
  filter: { status?: Row["status"]; limit: number },
): Promise<ExperimentResource[]> {
  const rows = await db.experiment.findMany({
    where: { workspaceId, ...(filter.status ? { status: filter.status } : {}) },
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: filter.limit,
  });
  return rows.map(resourceOf);
}
