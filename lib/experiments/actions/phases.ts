import type { Prisma } from "@/lib/generated/prisma/client";
import type { LoadedExperiment } from "./checks";

type Tx = Prisma.TransactionClient;

/**
 * Ends the experiment's current phase (if any) now and opens the next one
 * with the settings it runs with from now on.
 */
export async function openNextPhase(
  tx: Tx,
  experiment: Pick<LoadedExperiment, "id" | "workspaceId"> & { phases: { index: number }[] },
  next: { reason: string; seed: string; coverage: number; weights: number[]; targeting: unknown },
  now = new Date(),
): Promise<number> {
  const current = experiment.phases[0]?.index ?? 0;
  if (current > 0)
    await tx.experimentPhase.updateMany({
      where: { experimentId: experiment.id, index: current, endedAt: null },
      data: { endedAt: now },
    });
  const index = current + 1;
  await tx.experimentPhase.create({
    data: {
      workspaceId: experiment.workspaceId,
      experimentId: experiment.id,
      index,
      startedAt: now,
      seed: next.seed,
      coverage: next.coverage,
      weights: next.weights,
      reason: next.reason,
      targeting: next.targeting as Prisma.InputJsonValue,
    },
  });
  return index;
}

/** What the audit log keeps of an experiment: its settings and arms, without timestamps. */
export function auditView(e: LoadedExperiment) {
  return {
    key: e.key,
    name: e.name,
    status: e.status,
    type: e.type,
    coverage: e.coverage,
    seed: e.seed,
    segmentId: e.segmentId,
    rules: e.rules,
    layerId: e.layerId,
    bandit: e.bandit,
    cupedDays: e.cupedDays,
    phase: e.phases[0]?.index ?? 0,
    variations: e.variations.map((v) => ({ key: v.key, weight: v.weight, variantId: v.variantId })),
    goals: e.goals.map((g) => ({ goalId: g.goalId, role: g.role })),
  };
}
