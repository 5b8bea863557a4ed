import type pg from "pg";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { touchSql } from "./touch-sql";

/** The event types the dashboards count (as periodCounts does). */
const COUNTED_TYPES = ["page", "screen", "track"];

const TOUCH = touchSql("f.context");

/**
 * Inserts the visitor-days of the events that `source` selects (a statement over `events e` giving every column
 * of e plus `day`, the local day), one row per profile and day: counts, revenue, and the dimensions of the day's
 * first event (by time, then id, as the raw breakdown picks a first touch); only the counted types' events count.
 * `$1` is the workspace, `$2` the time zone (the first two of `values`); the order event's name and the counted
 * types are added after them. The rows' links (prevDay, prevBuyDay, identified) are set by linkVisitorDays.
 */
async function insertVisitorDays(client: pg.ClientBase, source: string, values: unknown[]): Promise<number> {
  const order = `$${values.length + 1}`;
  const counted = `$${values.length + 2}::text[]`;
  const result = await client.query(
    `INSERT INTO visitor_days (workspace_id, day, profile_id, events, orders, revenue,
                               source, medium, campaign, referrer, device, country)
     SELECT $1, a.day, a.profile_id, a.events, a.orders, a.revenue,
            ${TOUCH.source}, ${TOUCH.medium}, ${TOUCH.campaign}, ${TOUCH.referrer}, ${TOUCH.device}, ${TOUCH.country}
     FROM (
       SELECT ev.profile_id, ev.day, count(*)::int AS events, count(*) FILTER (WHERE ev.name = ${order})::int AS orders,
              coalesce(sum(CASE WHEN ev.name = ${order} AND jsonb_typeof(ev.properties->'revenue') = 'number'
                                THEN (ev.properties->>'revenue')::numeric END), 0) AS revenue,
              (array_agg(ev.id ORDER BY ev.occurred_at, ev.id))[1] AS first_id
       FROM (${source}) ev
       WHERE ev.type = ANY(${counted})
       GROUP BY ev.profile_id, ev.day
     ) a
     JOIN events f ON f.id = a.first_id`,
    [...values, ORDER_EVENT, COUNTED_TYPES],
  );
  return result.rowCount ?? 0;
}

/**
 * Inserts the event-days of the events that `source` selects (as insertVisitorDays): one row per profile, day and
 * event name (of every type, as a funnel's step reads them) with the day's first such event and how many.
 */
async function insertEventDays(client: pg.ClientBase, source: string, values: unknown[]): Promise<void> {
  await client.query(
    `INSERT INTO event_days (workspace_id, day, profile_id, name, first_at, events)
     SELECT $1, ev.day, ev.profile_id, ev.name, min(ev.occurred_at), count(*)::int
     FROM (${source}) ev
     GROUP BY ev.profile_id, ev.day, ev.name`,
    values,
  );
}

/** Both day rollups of the events that `source` selects; returns the visitor-days written. */
async function insertDays(client: pg.ClientBase, source: string, values: unknown[]): Promise<number> {
  await insertEventDays(client, source, values);
  return insertVisitorDays(client, source, values);
}

/** Removes the day rollups' rows of these profiles (merged away, or to be re-rolled whole). */
export async function deleteProfileDays(client: pg.ClientBase, workspaceId: string, profileIds: string[]) {
  if (profileIds.length === 0) return;
  for (const table of ["visitor_days", "event_days"])
    await client.query(`DELETE FROM ${table} WHERE workspace_id = $1 AND profile_id = ANY($2::text[])`, [
      workspaceId,
      profileIds,
    ]);
}

/**
 * Re-rolls the given (profile, local day) keys from the events, in visitor-days and event-days: their rows are
 * replaced (a key whose events are gone loses its rows). `workspaceId` and `timeZone` are the rollup's.
 */
export async function rollUpKeys(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  keys: { profileIds: string[]; days: string[] },
): Promise<number> {
  if (keys.profileIds.length === 0) return 0;
  for (const table of ["visitor_days", "event_days"])
    await client.query(
      `DELETE FROM ${table} v USING unnest($2::text[], $3::date[]) AS k(p, d)
       WHERE v.workspace_id = $1 AND v.profile_id = k.p AND v.day = k.d`,
      [workspaceId, keys.profileIds, keys.days],
    );
  return insertDays(
    client,
    `SELECT e.*, k.d AS day
     FROM unnest($3::text[], $4::date[]) AS k(p, d)
     JOIN events e ON e.workspace_id = $1 AND e.profile_id = k.p
      AND e.occurred_at >= (k.d::timestamp AT TIME ZONE $2) AND e.occurred_at < ((k.d + 1)::timestamp AT TIME ZONE $2)`,
    [workspaceId, timeZone, keys.profileIds, keys.days],
  );
}

/** Re-rolls every day of these profiles (after a merge moved events to them), in both day rollups: their rows are replaced. */
export async function rollUpProfiles(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  profileIds: string[],
): Promise<number> {
  if (profileIds.length === 0) return 0;
  await deleteProfileDays(client, workspaceId, profileIds);
  return insertDays(
    client,
    `SELECT e.*, (e.occurred_at AT TIME ZONE $2)::date AS day
     FROM events e
     WHERE e.workspace_id = $1 AND e.profile_id = ANY($3::text[])`,
    [workspaceId, timeZone, profileIds],
  );
}

/** Rolls up the events of local days `from` to `to` (inclusive) of a workspace whose rows for them are absent (a rebuild), in both day rollups. */
export function rollUpDays(
  client: pg.ClientBase,
  workspaceId: string,
  timeZone: string,
  from: string,
  to: string,
): Promise<number> {
  return insertDays(
    client,
    `SELECT e.*, (e.occurred_at AT TIME ZONE $2)::date AS day
     FROM events e
     WHERE e.workspace_id = $1
       AND e.occurred_at >= ($3::date::timestamp AT TIME ZONE $2) AND e.occurred_at < (($4::date + 1)::timestamp AT TIME ZONE $2)`,
    [workspaceId, timeZone, from, to],
  );
}

/**
 * Sets the links of these profiles' rows (all the workspace's when `profileIds` is null): each row's previous
 * day with events and previous day with an order (so that a span's distinct visitors are its rows whose
 * previous day is before it), and whether the profile has a user id now. Writes only rows that change.
 */
export async function linkVisitorDays(
  client: pg.ClientBase,
  workspaceId: string,
  profileIds: string[] | null,
): Promise<number> {
  if (profileIds?.length === 0) return 0;
  const only = profileIds ? `AND d.profile_id = ANY($2::text[])` : "";
  const onlyKnown = profileIds ? `AND i.profile_id = ANY($2::text[])` : "";
  const result = await client.query(
    `WITH known AS (
       SELECT DISTINCT i.profile_id FROM identities i WHERE i.workspace_id = $1 AND i.type = 'user_id' ${onlyKnown}
     ),
     linked AS (
       SELECT d.day, d.profile_id, lag(d.day) OVER w AS prev_day,
              max(d.day) FILTER (WHERE d.orders > 0) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_buy_day,
              k.profile_id IS NOT NULL AS identified
       FROM visitor_days d LEFT JOIN known k ON k.profile_id = d.profile_id
       WHERE d.workspace_id = $1 ${only}
       WINDOW w AS (PARTITION BY d.profile_id ORDER BY d.day)
     )
     UPDATE visitor_days v SET prev_day = l.prev_day, prev_buy_day = l.prev_buy_day, identified = l.identified
     FROM linked l
     WHERE v.workspace_id = $1 AND v.day = l.day AND v.profile_id = l.profile_id
       AND (v.prev_day, v.prev_buy_day, v.identified) IS DISTINCT FROM (l.prev_day, l.prev_buy_day, l.identified)`,
    profileIds ? [workspaceId, profileIds] : [workspaceId],
  );
  return result.rowCount ?? 0;
}
