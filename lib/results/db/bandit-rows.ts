import { db } from "@/lib/db/client";
import { bumpConfigVersion } from "@/lib/workspaces/db/bump-config-version";

/** The running experiments that run as bandits, of every workspace. */
export function listRunningBandits(): Promise<{ id: string; workspaceId: string }[]> {
  return db.experiment.findMany({
    where: { bandit: true, status: "running" },
    select: { id: true, workspaceId: true },
  });
}

/**
 * A bandit's new weights, in one transaction: each variation's weight (the
 * decisions' hash ranges follow them; assignments already made stick, and no
 * new phase opens, since moving weights is what a bandit does), the history
 * row, and the workspace's configuration version (so every decision server
 * reloads). Returns the new version.
 */
export async function saveBanditWeights(input: {
  workspaceId: string;
  experimentId: string;
  variationIds: string[];
  weights: number[];
  units: number[];
  chances: number[];
}): Promise<number> {
  return db.$transaction(async (tx) => {
    for (const [i, id] of input.variationIds.entries())
      await tx.variation.updateMany({
        where: { id, experimentId: input.experimentId, workspaceId: input.workspaceId },
        data: { weight: input.weights[i]! },
      });
    await tx.banditUpdate.create({
      data: {
        workspaceId: input.workspaceId,
        experimentId: input.experimentId,
        variationIds: input.variationIds,
        weights: input.weights,
        units: input.units,
        chances: input.chances,
      },
    });
    return bumpConfigVersion(tx, input.workspaceId);
  });
}
