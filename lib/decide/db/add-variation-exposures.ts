import { pgPool } from "@/lib/db/pg-pool";

/** Exposures of one experiment's variation on one UTC day (YYYY-MM-DD), to add to the day counts. */
export type VariationExposureCount = {
  workspaceId: string;
  experimentId: string;
  variationId: string;
  day: string;
  n: number;
};

/**
 * Adds exposures to the per-experiment, per-variation, per-UTC-day counts, in the order given (callers sort them
 * the same way in every server); experiments or variations deleted meanwhile are skipped.
 */
export async function addVariationExposures(sorted: readonly VariationExposureCount[]): Promise<void> {
  if (sorted.length === 0) return;
  await pgPool().query(
    `INSERT INTO variation_exposures (workspace_id, experiment_id, variation_id, day, exposures)
     SELECT u.workspace_id, u.experiment_id, u.variation_id, u.day, u.n
     FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::bigint[]) WITH ORDINALITY AS u(workspace_id, experiment_id, variation_id, day, n, o)
     WHERE EXISTS (SELECT 1 FROM variations v WHERE v.id = u.variation_id AND v.experiment_id = u.experiment_id)
     ORDER BY u.o
     ON CONFLICT (workspace_id, experiment_id, day, variation_id) DO UPDATE SET exposures = variation_exposures.exposures + excluded.exposures`,
    [
      sorted.map((c) => c.workspaceId),
      sorted.map((c) => c.experimentId),
      sorted.map((c) => c.variationId),
      sorted.map((c) => c.day),
      sorted.map((c) => c.n),
    ],
  );
}
