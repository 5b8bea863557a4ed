import type pg from "pg";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { KEYED_SCOPE, RANGE_SCOPE, type RollupScope } from "./rollup-scopes";

/**
 * Inserts the holdout-days of a scope (a profile's decisions only), as holdoutGroups (holdout-groups.ts) reads
 * them from the raw rows: the day's first decision by time then id, whether any and all of the day's decisions
 * were in the holdout, and the day's orders at or after that first decision. Links are set by linkHoldoutDays.
 */
async function insertHoldoutDays(client: pg.ClientBase, scope: RollupScope, values: unknown[]): Promise<number> {
  const result = await client.query(
    `WITH days AS (
       SELECT x.day, x.profile_id, min(x.occurred_at) AS first_at,
              (array_agg(x.holdout ORDER BY x.occurred_at, x.id))[1] AS held,
              bool_or(x.holdout) AS any_held, bool_and(x.holdout) AS all_held
       FROM ${scope.exposures}
       WHERE x.profile_id IS NOT NULL
       GROUP BY x.day, x.profile_id
     ),
     orders AS (
       SELECT o.day, o.profile_id, o.occurred_at,
              CASE WHEN jsonb_typeof(o.properties->'revenue') = 'number' THEN (o.properties->>'revenue')::numeric END AS revenue
       FROM ${scope.events("$5", "o")}
     )
     INSERT INTO holdout_days (workspace_id, day, profile_id, first_at, held, any_held, all_held, orders_after, revenue_after)
     SELECT $1, d.day, d.profile_id, d.first_at, d.held, d.any_held, d.all_held,
            count(o.occurred_at)::int, coalesce(sum(o.revenue), 0)
     FROM days d LEFT JOIN orders o ON o.profile_id = d.profile_id AND o.day = d.day AND o.occurred_at >= d.first_at
     GROUP BY d.day, d.profile_id, d.first_at, d.held, d.any_held, d.all_held`,
    [...values, ORDER_EVENT],
  );
  return result.rowCount ?? 0;
}

/** Re-rolls the given (profile, local day) keys (keys of profileless visitors have none): their rows are replaced. */
export async function rollUpHoldoutKeys(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  keys: { visitors: string[]; days: string[] },
): Promise<number> {
  if (keys.visitors.length === 0) return 0;
  await client.query(
    `DELETE FROM holdout_days h USING unnest($2::text[], $3::date[]) AS k(visitor, day)
     WHERE h.workspace_id = $1 AND h.profile_id = k.visitor AND h.day = k.day`,
    [workspaceId, keys.visitors, keys.days],
  );
  return insertHoldoutDays(client, KEYED_SCOPE, [workspaceId, timeZone, keys.visitors, keys.days]);
}

/** Rolls up local days `from` to `to` (inclusive) of a workspace whose holdout rows for them are absent (a rebuild). */
export function rollUpHoldoutDays(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  from: string,
  to: string,
): Promise<number> {
  return insertHoldoutDays(client, RANGE_SCOPE, [workspaceId, timeZone, from, to]);
}

/**
 * Sets the links of these profiles' rows (all the workspace's when null): the previous day with decisions, with
 * one in the holdout and with one out of it.
 */
export async function linkHoldoutDays(
  client: pg.ClientBase,
  workspaceId: string,
  profileIds: string[] | null,
): Promise<number> {
  if (profileIds?.length === 0) return 0;
  const result = await client.query(
    `UPDATE holdout_days h SET prev_day = l.prev_day, prev_held_day = l.prev_held_day, prev_unheld_day = l.prev_unheld_day
     FROM (
       SELECT d.day, d.profile_id, lag(d.day) OVER w AS prev_day,
              max(d.day) FILTER (WHERE d.any_held) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_held_day,
              max(d.day) FILTER (WHERE NOT d.all_held) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_unheld_day
       FROM holdout_days d WHERE d.workspace_id = $1 ${profileIds ? "AND d.profile_id = ANY($2::text[])" : ""}
       WINDOW w AS (PARTITION BY d.profile_id ORDER BY d.day)
     ) l
     WHERE h.workspace_id = $1 AND h.day = l.day AND h.profile_id = l.profile_id
       AND (h.prev_day, h.prev_held_day, h.prev_unheld_day) IS DISTINCT FROM (l.prev_day, l.prev_held_day, l.prev_unheld_day)`,
    profileIds ? [workspaceId, profileIds] : [workspaceId],
  );
  return result.rowCount ?? 0;
}
