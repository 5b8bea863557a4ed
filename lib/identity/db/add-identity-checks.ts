import { pgPool } from "@/lib/db/pg-pool";

/** Adds counted calls to the daily totals: one statement for every workspace and day. */
export async function addIdentityChecks(
  rows: readonly { workspaceId: string; day: string; verified: number; unverified: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await pgPool().query(
    `INSERT INTO identity_check_days (workspace_id, day, verified, unverified)
     SELECT w, d::date, v, u FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS t(w, d, v, u)
     ON CONFLICT (workspace_id, day) DO UPDATE
       SET verified = identity_check_days.verified + excluded.verified,
           unverified = identity_check_days.unverified + excluded.unverified`,
    [
      rows.map((r) => r.workspaceId),
      rows.map((r) => r.day),
      rows.map((r) => r.verified),
      rows.map((r) => r.unverified),
    ],
  );
}
