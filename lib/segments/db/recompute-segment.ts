import type { RuleGroup } from "../schema";
import type { SegmentRef } from "../state";
import { toSql } from "../to-sql";
import { loadSegmentRefs } from "./load-segment-refs";
import { BACKGROUND_TIMEOUT_MS, SegmentQueryTimeout, withStatementTimeout } from "./with-statement-timeout";

/** Consent that lets us personalize: not refused (no statement counts as yes, as for analytics). */
export const PERSONALIZABLE_SQL = `coalesce(p.consent -> 'personalization' ->> 'granted', 'true') <> 'false'`;

export type RecomputeResult = { size: number; reachable: number; entered: number; exited: number };

/**
 * Brings a dynamic segment's stored membership up to date in one statement:
 * profiles that match now and were out enter (entered_at = now), members
 * that no longer match exit (exited_at = now). With `profileIds`, only those
 * profiles are looked at (when their events arrive); otherwise the whole
 * workspace is, and the segment's size, reachable size and size history are
 * written. A statement that runs past `timeoutMs` is canceled, nothing
 * changes, and it rejects with SegmentQueryTimeout.
 */
export async function recomputeSegment(
  workspaceId: string,
  segmentId: string,
  rule: RuleGroup,
  segments: ReadonlyMap<string, SegmentRef>,
  profileIds?: string[],
  timeoutMs = BACKGROUND_TIMEOUT_MS,
): Promise<RecomputeResult> {
  const now = Date.now();
  const { predicate, values } = toSql(rule, { workspaceId, now, segments });
  const seg = `$${values.length + 1}::text`;
  const at = `$${values.length + 2}::timestamptz`;
  const only = profileIds ? `$${values.length + 3}::text[]` : null;
  // one transaction, retried on a deadlock with a concurrent refresh of the same members
  return withStatementTimeout(timeoutMs, async (client) => {
    const { rows } = await client.query<RecomputeResult>(
      `WITH cur AS MATERIALIZED (
         SELECT p.id, ${PERSONALIZABLE_SQL} AS reachable FROM profiles p WHERE p.workspace_id = $1 ${only ? `AND p.id = ANY(${only})` : ""} AND ${predicate}
       ), entered AS (
         INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at, exited_at)
         SELECT $1, ${seg}, id, ${at}, NULL FROM cur
         ON CONFLICT (workspace_id, segment_id, profile_id) DO UPDATE SET entered_at = excluded.entered_at, exited_at = NULL
         WHERE segment_memberships.exited_at IS NOT NULL
         RETURNING 1
       ), exited AS (
         UPDATE segment_memberships m SET exited_at = ${at}
         WHERE m.workspace_id = $1 AND m.segment_id = ${seg} AND m.exited_at IS NULL ${only ? `AND m.profile_id = ANY(${only})` : ""}
           AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.id = m.profile_id)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM cur)::int AS size, (SELECT count(*) FROM cur WHERE reachable)::int AS reachable,
              (SELECT count(*) FROM entered)::int AS entered, (SELECT count(*) FROM exited)::int AS exited`,
      [...values, segmentId, new Date(now).toISOString(), ...(profileIds ? [profileIds] : [])],
    );
    const result = rows[0]!;
    if (!profileIds) {
      await client.query(
        `WITH s AS (UPDATE segments SET size = $3, reachable_size = $4, last_computed_at = $5 WHERE workspace_id = $1 AND id = $2 RETURNING id)
         INSERT INTO segment_size_points (workspace_id, segment_id, at, size) SELECT $1, id, $5, $3 FROM s`,
        [workspaceId, segmentId, result.size, result.reachable, new Date(now).toISOString()],
      );
    } else if (result.entered > 0 || result.exited > 0) {
      await client.query(
        `UPDATE segments SET size = greatest(coalesce(size, 0) + $3 - $4, 0) WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, segmentId, result.entered, result.exited],
      );
    }
    return result;
  });
}

/**
 * Recomputes every live dynamic segment of a workspace (all profiles, or
 * only these); returns how many were. One that runs past its statement
 * timeout keeps its members as they were and is logged, and the others are
 * still recomputed.
 */
export async function recomputeWorkspaceSegments(
  workspaceId: string,
  profileIds?: string[],
  timeoutMs = BACKGROUND_TIMEOUT_MS,
): Promise<number> {
  const refs = await loadSegmentRefs(workspaceId);
  let done = 0;
  for (const [id, ref] of refs) {
    if (ref.kind !== "dynamic" || ref.archived) continue;
    try {
      await recomputeSegment(workspaceId, id, ref.rule, refs, profileIds, timeoutMs);
      done += 1;
    } catch (error) {
      if (!(error instanceof SegmentQueryTimeout)) throw error;
      console.error(
        `[segments] segment ${id} of workspace ${workspaceId} took longer than ${timeoutMs} ms to recompute: its members stay as they were`,
      );
    }
  }
  return done;
}
