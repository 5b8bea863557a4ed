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
  coverage: true,
  unitType: true,
  layerStart: true,
  layerEnd: true,
  factors: true,
  rules: true,
  startsAt: true,
  endsAt: true,
  startedAt: true,
  endedAt: true,
  createdAt: true,
  winnerVariationId: true,
  layer: { select: { id: true, key: true, name: true } },
  segment: { select: { id: true, name: true } },
  experience: { select: { id: true, name: true, status: true } },
  placement: { select: { id: true, key: true, name: true } },
  variations: {
    select: {
      id: true,
      key: true,
      name: true,
      weight: true,
      isControl: true,
      payload: true,
      variant: { select: { id: true, name: true } },
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  phases: {
    select: {
      index: true,
      startedAt: true,
      endedAt: true,
      coverage: true,
      weights: true,
      reason: true,
      targeting: true,
    },
    orderBy: { index: "asc" },
  },
  goals: {
    select: { role: true, goal: { select: { id: true, name: true, eventName: true, kind: true } } },
    orderBy: [{ role: "asc" }, { goalId: "asc" }],
  },
} satisfies Prisma.ExperimentSelect;

/**
 * One experiment of the workspace as its page shows it: the design (the
 * experience, factors or flag values of its variations, with names), the
 * targeting (a segment with its name, or the inline rule), the layer and its
 * slice, the phases in order and the goals with their roles; null when not in
 * this workspace.
 */
export async function getExperimentDetail(workspaceId: string, experimentId: string) {
  const e = await db.experiment.findFirst({ where: { workspaceId, id: experimentId }, select: SELECT });
  if (!e) return null;
  const factors = e.factors === null ? null : (factorsSchema.safeParse(e.factors).data ?? null);
  const factorPlacements = factors
    ? await db.placement.findMany({
        where: { workspaceId, id: { in: factors.map((f) => f.placementId) } },
        select: { id: true, name: true, experiences: { select: { variants: { select: { id: true, name: true } } } } },
      })
    : [];
  const variantNames = new Map(
    factorPlacements.flatMap((p) => p.experiences.flatMap((x) => x.variants.map((v) => [v.id, v.name]))),
  );
  const rule = phaseTargetingSchema.shape.rule.safeParse(e.rules ?? null);
  return {
    id: e.id,
    key: e.key,
    name: e.name,
    hypothesis: e.hypothesis,
    type: e.type,
    status: e.status,
    coverage: e.coverage,
    unitType: e.unitType,
    layer: e.layer,
    layerShare: e.layerStart !== null && e.layerEnd !== null ? e.layerEnd - e.layerStart : 1,
    layerSlice:
      e.status !== "draft" && e.layerStart !== null && e.layerEnd !== null
        ? { start: e.layerStart, end: e.layerEnd }
        : null,
    experience: e.experience,
    placement: e.placement,
    factors:
      factors?.map((f) => ({
        ...f,
        placementName: factorPlacements.find((p) => p.id === f.placementId)?.name ?? "(deleted placement)",
        levels: f.levels.map((l) => ({
          ...l,
          variantName: l.variantId === null ? null : (variantNames.get(l.variantId) ?? "(deleted content)"),
        })),
      })) ?? null,
    targeting: { segment: e.segment, rule: rule.success ? rule.data : null },
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    createdAt: e.createdAt,
    winnerVariationId: e.winnerVariationId,
    variations: e.variations.map((v) => {
      const payload = variationPayloadSchema.safeParse(v.payload ?? {});
      return {
        id: v.id,
        key: v.key,
        name: v.name,
        weight: v.weight,
        isControl: v.isControl,
        variant: v.variant,
        value: payload.success ? payload.data.value : undefined,
        levels: payload.success ? (payload.data.levels ?? null) : null,
      };
    }),
    phases: e.phases.map((p) => ({ ...p, targeting: phaseTargetingSchema.safeParse(p.targeting ?? {}).data ?? null })),
    goals: e.goals.map((g) => ({ ...g.goal, role: g.role })),
  };
}
export type ExperimentDetail = NonNullable<Awaited<ReturnType<typeof getExperimentDetail>>>;
