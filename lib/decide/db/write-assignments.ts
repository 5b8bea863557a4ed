import { pgPool } from "@/lib/db/pg-pool";

/** A unit's first exposure to an experiment in a phase: its assignment, written once (the earliest wins). */
export type NewAssignment = {
  workspaceId: string;
  experimentId: string;
  unitId: string;
  phase: number;
  variationId: string;
  assignedAt: number;
  /** What the first exposure's request said of the unit (for the results' dimension breakdown). */
  device: string | null;
  country: string | null;
  returning: boolean | null;
};

/**
 * Stores new assignments: a unit's first, with the time of its first
 * exposure. One already stored keeps its variation (another server may have
 * written it first) and takes the earlier time. Rows of experiments deleted
 * meanwhile are skipped.
 */
export async function writeAssignments(assignments: readonly NewAssignment[]): Promise<void> {
  // in one order in every server, so concurrent writers never wait on each other in a cycle
  const sorted = [...assignments].sort((a, b) =>
    a.experimentId < b.experimentId
      ? -1
      : a.experimentId > b.experimentId
        ? 1
        : a.unitId < b.unitId
          ? -1
          : a.unitId > b.unitId
            ? 1
            : a.phase - b.phase,
  );
  for (let i = 0; i < sorted.length; i += 5_000) {
    const chunk = sorted.slice(i, i + 5_000);
    await pgPool().query(
      `INSERT INTO assignments (workspace_id, experiment_id, unit_id, phase, variation_id, assigned_at, device, country, "returning")
       SELECT u.workspace_id, u.experiment_id, u.unit_id, u.phase, u.variation_id, u.assigned_at, u.device, u.country, u.returning
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
         $9::boolean[]) WITH ORDINALITY
         AS u(workspace_id, experiment_id, unit_id, phase, variation_id, assigned_at, device, country, "returning", n)
       WHERE EXISTS (SELECT 1 FROM variations v WHERE v.id = u.variation_id AND v.experiment_id = u.experiment_id)
       ORDER BY u.n
       ON CONFLICT (workspace_id, experiment_id, unit_id, phase)
       DO UPDATE SET assigned_at = excluded.assigned_at WHERE excluded.assigned_at < assignments.assigned_at`,
      [
        chunk.map((a) => a.workspaceId),
        chunk.map((a) => a.experimentId),
        chunk.map((a) => a.unitId),
        chunk.map((a) => a.phase),
        chunk.map((a) => a.variationId),
        chunk.map((a) => new Date(a.assignedAt).toISOString()),
        chunk.map((a) => a.device),
        chunk.map((a) => a.country),
        chunk.map((a) => a.returning),
      ],
    );
  }
}
