import type pg from "pg";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { ATTRIBUTION_DAYS, CLICK_EVENT } from "../content";
import { KEYED_SCOPE, RANGE_SCOPE, type RollupScope } from "./rollup-scopes";

/**
 * Inserts the content-days of a scope, as contentCounts (content-counts.ts) counts them from the raw rows:
 * impressions per variant from the decisions; clicks from the click events that name a variant of the placement
 * they name; and each order's last touch per placement among the visitor's decisions within ATTRIBUTION_DAYS
 * before it, on the order's day. Rows' `prevDay` is set by linkContentDays.
 */
async function insertContentDays(client: pg.ClientBase, scope: RollupScope, values: unknown[]): Promise<number> {
  const result = await client.query(
    `INSERT INTO content_days (workspace_id, day, variant_id, visitor, impressions, clicks, orders, revenue)
     SELECT $1, day, variant_id, visitor, sum(impressions)::int, sum(clicks)::int, sum(orders)::int, sum(revenue)
     FROM (
       SELECT x.day, u.variant_id, x.visitor, sum(x.impressions) AS impressions, 0 AS clicks, 0 AS orders, 0 AS revenue
       FROM ${scope.exposures}
       CROSS JOIN LATERAL unnest(x.placement_ids, x.variant_ids) AS u(placement_id, variant_id)
       GROUP BY 1, 2, 3
       UNION ALL
       SELECT e.day, v.id, e.visitor, 0, count(*), 0, 0
       FROM ${scope.events("$6", "e")}
       JOIN variants v ON v.workspace_id = $1 AND v.id = e.properties->>'variant_id'
       JOIN content_blocks c ON c.id = v.content_block_id
       JOIN placements p ON p.id = c.placement_id AND p.key = e.properties->>'placement'
       GROUP BY 1, 2, 3
       UNION ALL
       SELECT t.day, t.variant_id, t.visitor, 0, 0, count(*), coalesce(sum(t.revenue), 0)
       FROM (
         SELECT DISTINCT ON (o.id, u.placement_id) o.day, o.visitor, u.variant_id,
                CASE WHEN jsonb_typeof(o.properties->'revenue') = 'number' THEN (o.properties->>'revenue')::numeric END AS revenue
         FROM ${scope.events("$5", "o")}
         JOIN exposures x ON x.workspace_id = $1 AND x.profile_id = o.profile_id
          AND x.occurred_at <= o.occurred_at AND x.occurred_at > o.occurred_at - make_interval(days => $7)
         CROSS JOIN LATERAL unnest(x.placement_ids, x.variant_ids) AS u(placement_id, variant_id)
         ORDER BY o.id, u.placement_id, x.occurred_at DESC, x.id DESC
       ) t
       GROUP BY 1, 2, 3
     ) parts
     GROUP BY day, variant_id, visitor`,
    [...values, ORDER_EVENT, CLICK_EVENT, ATTRIBUTION_DAYS],
  );
  return result.rowCount ?? 0;
}

/** Re-rolls the given (visitor, local day) keys: their rows are replaced from the decisions, clicks and orders. */
export async function rollUpContentKeys(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  keys: { visitors: string[]; days: string[] },
): Promise<number> {
  if (keys.visitors.length === 0) return 0;
  await client.query(
    `DELETE FROM content_days c USING unnest($2::text[], $3::date[]) AS k(visitor, day)
     WHERE c.workspace_id = $1 AND c.visitor = k.visitor AND c.day = k.day`,
    [workspaceId, keys.visitors, keys.days],
  );
  return insertContentDays(client, KEYED_SCOPE, [workspaceId, timeZone, keys.visitors, keys.days]);
}

/** Rolls up local days `from` to `to` (inclusive) of a workspace whose content rows for them are absent (a rebuild). */
export function rollUpContentDays(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  from: string,
  to: string,
): Promise<number> {
  return insertContentDays(client, RANGE_SCOPE, [workspaceId, timeZone, from, to]);
}

/**
 * Every local day on which these profiles have content rows to be (decisions, clicks or orders), for re-rolling
 * them whole after a merge moved rows to them; their current rows are removed.
 */
export async function contentKeysOfProfiles(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  profileIds: string[],
): Promise<{ visitors: string[]; days: string[] }> {
  if (profileIds.length === 0) return { visitors: [], days: [] };
  await client.query(`DELETE FROM content_days WHERE workspace_id = $1 AND visitor = ANY($2::text[])`, [
    workspaceId,
    profileIds,
  ]);
  const { rows } = await client.query<{ visitor: string; day: string }>(
    `SELECT profile_id AS visitor, to_char((occurred_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day
     FROM exposures WHERE workspace_id = $1 AND profile_id = ANY($2::text[])
     UNION
     SELECT profile_id, to_char((occurred_at AT TIME ZONE $3)::date, 'YYYY-MM-DD')
     FROM events WHERE workspace_id = $1 AND profile_id = ANY($2::text[]) AND name = ANY($4::text[])`,
    [workspaceId, profileIds, timeZone, [ORDER_EVENT, CLICK_EVENT]],
  );
  return { visitors: rows.map((r) => r.visitor), days: rows.map((r) => r.day) };
}

/**
 * Sets `prevDay` of these visitors' rows (all the workspace's when null): their previous day shown the same
 * variant; for a decision without a visitor ("x:"), infinity, so that it is no one's first day (not a visitor).
 */
export async function linkContentDays(
  client: pg.ClientBase,
  workspaceId: string,
  visitors: string[] | null,
): Promise<number> {
  if (visitors?.length === 0) return 0;
  const result = await client.query(
    `UPDATE content_days c SET prev_day = l.prev_day
     FROM (
       SELECT d.day, d.variant_id, d.visitor,
              CASE WHEN d.visitor LIKE 'x:%' THEN 'infinity'::date
                   ELSE max(d.day) FILTER (WHERE d.impressions > 0)
                          OVER (PARTITION BY d.variant_id, d.visitor ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
              END AS prev_day
       FROM content_days d WHERE d.workspace_id = $1 ${visitors ? "AND d.visitor = ANY($2::text[])" : ""}
     ) l
     WHERE c.workspace_id = $1 AND c.day = l.day AND c.variant_id = l.variant_id AND c.visitor = l.visitor
       AND c.prev_day IS DISTINCT FROM l.prev_day`,
    visitors ? [workspaceId, visitors] : [workspaceId],
  );
  return result.rowCount ?? 0;
}
