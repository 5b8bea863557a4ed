import type pg from "pg";
import type { PlannedMerge } from "@/lib/identity/resolve";
import { recomputeAggregatesStatement } from "@/lib/profiles/aggregates";
import type { ConsentState } from "../consent";
import { combineProfiles, type ProfileState } from "../apply";

type Row = {
  id: string;
  traits: Record<string, unknown>;
  trait_timestamps: Record<string, string>;
  consent: ConsentState;
};

/**
 * Merges one profile into another: its events, identities, daily rollups,
 * consent history, exposures and merge history move to the survivor; traits
 * combine by last write, consent by the most restrictive choice; computed
 * values are recomputed from the events; the merge is recorded.
 */
export async function mergeProfiles(client: pg.PoolClient, workspaceId: string, merge: PlannedMerge): Promise<void> {
  const { survivorId: s, mergedId: m } = merge;
  const rows = await client.query<Row>(
    `SELECT id, traits, trait_timestamps, consent FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [workspaceId, [s, m]],
  );
  const survivor = rows.rows.find((r) => r.id === s);
  const merged = rows.rows.find((r) => r.id === m);
  if (!survivor || !merged) return; // merged meanwhile by another batch: nothing left to do
  const moved = await client.query(`UPDATE events SET profile_id = $2 WHERE workspace_id = $1 AND profile_id = $3`, [
    workspaceId,
    s,
    m,
  ]);
  const identities = await client.query(
    `UPDATE identities SET profile_id = $2 WHERE workspace_id = $1 AND profile_id = $3`,
    [workspaceId, s, m],
  );
  await client.query(
    `INSERT INTO profile_daily_rollups (workspace_id, profile_id, day, event_name, count, revenue)
     SELECT workspace_id, $2, day, event_name, count, revenue FROM profile_daily_rollups WHERE workspace_id = $1 AND profile_id = $3
     ON CONFLICT (workspace_id, profile_id, day, event_name)
     DO UPDATE SET count = profile_daily_rollups.count + excluded.count, revenue = profile_daily_rollups.revenue + excluded.revenue`,
    [workspaceId, s, m],
  );
  for (const table of ["consent_changes", "exposures"]) {
    await client.query(`UPDATE ${table} SET profile_id = $2 WHERE workspace_id = $1 AND profile_id = $3`, [
      workspaceId,
      s,
      m,
    ]);
  }
  await client.query(`UPDATE profile_merges SET survivor_id = $2 WHERE workspace_id = $1 AND survivor_id = $3`, [
    workspaceId,
    s,
    m,
  ]);
  await client.query(
    `INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at, exited_at)
     SELECT workspace_id, segment_id, $2, entered_at, exited_at FROM segment_memberships WHERE workspace_id = $1 AND profile_id = $3
     ON CONFLICT DO NOTHING`,
    [workspaceId, s, m],
  );
  // assignments are keyed by unit (an anonymous or user id), not by profile: the identities moved above carry them to
  // the survivor, where a unit new to an experiment takes the earliest of them (lib/experiments/enroll.ts, storedArm)

  const stateOf = (r: Row): ProfileState => ({
    id: r.id,
    traits: r.traits,
    traitTimestamps: r.trait_timestamps,
    consent: r.consent,
  });
  const combined = combineProfiles(stateOf(survivor), stateOf(merged));
  await client.query(
    `UPDATE profiles p SET traits = $3, trait_timestamps = $4, consent = $5,
       first_seen_at = LEAST(p.first_seen_at, o.first_seen_at), last_seen_at = GREATEST(p.last_seen_at, o.last_seen_at), updated_at = now()
     FROM profiles o WHERE p.workspace_id = $1 AND p.id = $2 AND o.id = $6`,
    [workspaceId, s, combined.traits, combined.traitTimestamps, combined.consent, m],
  );
  await client.query(`DELETE FROM profiles WHERE workspace_id = $1 AND id = $2`, [workspaceId, m]);
  await client.query(
    `INSERT INTO profile_merges (id, workspace_id, survivor_id, merged_profile_id, reason, linked_by, details) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      `mg_${m}`,
      workspaceId,
      s,
      m,
      merge.reason,
      merge.linkedBy,
      { events: moved.rowCount ?? 0, identities: identities.rowCount ?? 0, traits: Object.keys(merged.traits).length },
    ],
  );
  const recompute = recomputeAggregatesStatement(workspaceId, [s]);
  await client.query(recompute.text, recompute.values);
}
