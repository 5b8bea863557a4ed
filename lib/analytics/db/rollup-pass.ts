import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { nextMarks, readFloor, ROLLUP_LOOKBACK_MS, rollupMarksSchema } from "../rollup-marks";
import { ATTRIBUTION_DAYS } from "../content";
import { addDays } from "../range";
import { contentKeysOfProfiles, linkContentDays, rollUpContentKeys } from "./rollup-content";
import { deleteProfileDays, linkVisitorDays, rollUpKeys, rollUpProfiles } from "./rollup-days";
import { linkHoldoutDays, rollUpHoldoutKeys } from "./rollup-holdout";
import { visitorOfExposure } from "./rollup-scopes";

export type PassResult =
  | { state: "passed"; keys: number; contentKeys: number; merged: number; floor: string; maxId: string }
  /** The rollup is absent, being rebuilt (or was left so by a crash), or in another time zone than the workspace's. */
  | { state: "needs-rebuild" };

/**
 * The local days after a decision's whose orders it may be the last touch of: the attribution window in days, and
 * one more for a window that ends past a local midnight (and a daylight-saving change's hour).
 */
const ATTRIBUTION_SPREAD_DAYS = ATTRIBUTION_DAYS + 1;

type StateRow = {
  time_zone: string;
  status: string;
  marks: unknown;
  exposure_marks: unknown;
  passed_at: Date | null;
  workspace_tz: string;
};

/**
 * Brings a workspace's visitor-days up to date with what was committed since the last passes, in one
 * transaction (readers see the rollup before or after, never half): the (profile, day) keys of the events read
 * after readFloor's id are re-rolled; the survivors of merges since the last pass (less the lookback), and the
 * profiles whose events were removed since (`rollup_rerolls`), are re-rolled whole, and the merged (or
 * removed) profiles' rows removed; every profile touched (an identify event included)
 * is relinked, which also brings its `identified` up to date (and so is every profile given a user id since); the content-days of the same visitors and days, and
 * of the decisions read after their own floor, likewise. Callers hold the rollup lock (rollup-lock.ts).
 */
export async function rollUpPass(workspaceId: string, now = new Date()): Promise<PassResult> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await pass(client, workspaceId, now);
    await client.query(result.state === "passed" ? "COMMIT" : "ROLLBACK");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function pass(client: pg.PoolClient, workspaceId: string, now: Date): Promise<PassResult> {
  const state = (
    await client.query<StateRow>(
      `SELECT s.time_zone, s.status, s.marks, s.exposure_marks, s.passed_at, w.time_zone AS workspace_tz
       FROM analytics_rollup_state s JOIN workspaces w ON w.id = s.workspace_id
       WHERE s.workspace_id = $1 FOR UPDATE OF s`,
      [workspaceId],
    )
  ).rows[0];
  if (!state || state.status !== "ready" || state.time_zone !== state.workspace_tz) return { state: "needs-rebuild" };
  const timeZone = state.time_zone;
  const marks = rollupMarksSchema.parse(state.marks);
  const floor = readFloor(marks, now);
  const exposureMarks = rollupMarksSchema.parse(state.exposure_marks);
  const exposureFloor = readFloor(exposureMarks, now);

  const merges = (
    await client.query<{ survivor_id: string; merged_profile_id: string }>(
      `SELECT survivor_id, merged_profile_id FROM profile_merges
       WHERE workspace_id = $1 AND created_at > $2::timestamptz - make_interval(secs => $3)`,
      [workspaceId, state.passed_at ?? new Date(0), ROLLUP_LOOKBACK_MS / 1000],
    )
  ).rows;
  // profiles whose events were removed outside ingest (an import undone): re-rolled whole, or removed when gone
  const rerolls = (
    await client.query<{ profile_id: string }>(
      `SELECT profile_id FROM rollup_rerolls
       WHERE workspace_id = $1 AND requested_at > $2::timestamptz - make_interval(secs => $3)`,
      [workspaceId, state.passed_at ?? new Date(0), ROLLUP_LOOKBACK_MS / 1000],
    )
  ).rows.map((r) => r.profile_id);
  await client.query(
    `DELETE FROM rollup_rerolls WHERE workspace_id = $1 AND requested_at < $2::timestamptz - make_interval(secs => $3)`,
    [workspaceId, state.passed_at ?? new Date(0), (2 * ROLLUP_LOOKBACK_MS) / 1000],
  );
  const reroll = new Set(
    (
      await client.query<{ id: string }>(`SELECT id FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[])`, [
        workspaceId,
        rerolls,
      ])
    ).rows.map((r) => r.id),
  );
  const merged = [...new Set([...merges.map((m) => m.merged_profile_id), ...rerolls.filter((p) => !reroll.has(p))])];
  if (merged.length > 0) {
    await deleteProfileDays(client, workspaceId, merged);
    await client.query(`DELETE FROM content_days WHERE workspace_id = $1 AND visitor = ANY($2::text[])`, [
      workspaceId,
      merged,
    ]);
  }
  const survivors = (
    await client.query<{ id: string }>(`SELECT id FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[])`, [
      workspaceId,
      [...new Set([...merges.map((m) => m.survivor_id), ...reroll])],
    ])
  ).rows.map((r) => r.id);
  await rollUpProfiles(client, workspaceId, timeZone, survivors);
  await client.query(`DELETE FROM holdout_days WHERE workspace_id = $1 AND profile_id = ANY($2::text[])`, [
    workspaceId,
    [...merged, ...survivors],
  ]);

  // the events read after the floor: their profiles and local days
  const touched = (
    await client.query<{ profile_id: string; day: string; max_id: string }>(
      `SELECT profile_id, to_char((occurred_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, max(id)::text AS max_id
       FROM events WHERE workspace_id = $1 AND id > $2::bigint
       GROUP BY 1, 2`,
      [workspaceId, floor, timeZone],
    )
  ).rows;
  const whole = new Set(survivors);
  const keys = touched.filter((t) => !whole.has(t.profile_id));
  await rollUpKeys(client, workspaceId, timeZone, {
    profileIds: keys.map((k) => k.profile_id),
    days: keys.map((k) => k.day),
  });
  // profiles that gained a user id without a stored event (an import, an identify without analytics consent)
  const identified = (
    await client.query<{ profile_id: string }>(
      `SELECT DISTINCT profile_id FROM identities
       WHERE workspace_id = $1 AND type = 'user_id' AND created_at > $2::timestamptz - make_interval(secs => $3)`,
      [workspaceId, state.passed_at ?? new Date(0), ROLLUP_LOOKBACK_MS / 1000],
    )
  ).rows.map((r) => r.profile_id);
  const profiles = [...new Set([...survivors, ...touched.map((t) => t.profile_id), ...identified])];
  await linkVisitorDays(client, workspaceId, profiles);

  // content: the survivors whole; the visitor-days of new events (clicks, orders); the days of new decisions and,
  // for a profile's, the days after within the attribution window (their orders' last touch may have changed)
  const content = await contentKeysOfProfiles(client, workspaceId, timeZone, survivors);
  const shown = (
    await client.query<{ visitor: string; known: boolean; day: string; max_id: string }>(
      `SELECT ${visitorOfExposure("exposures")} AS visitor, profile_id IS NOT NULL AS known,
              to_char((occurred_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, max(id)::text AS max_id
       FROM exposures WHERE workspace_id = $1 AND id > $2::bigint
       GROUP BY 1, 2, 3`,
      [workspaceId, exposureFloor, timeZone],
    )
  ).rows;
  const contentKeys = new Map<string, { visitor: string; day: string }>();
  const add = (visitor: string, day: string) => {
    if (!whole.has(visitor)) contentKeys.set(`${day} ${visitor}`, { visitor, day });
  };
  for (const k of keys) add(k.profile_id, k.day);
  for (const x of shown)
    for (let after = 0; after <= (x.known ? ATTRIBUTION_SPREAD_DAYS : 0); after++)
      add(x.visitor, addDays(x.day, after));
  const rerolled = [...contentKeys.values()];
  const decisionKeys = {
    visitors: [...content.visitors, ...rerolled.map((k) => k.visitor)],
    days: [...content.days, ...rerolled.map((k) => k.day)],
  };
  const visitors = [...new Set([...survivors, ...rerolled.map((k) => k.visitor)])];
  await rollUpContentKeys(client, workspaceId, timeZone, decisionKeys);
  await linkContentDays(client, workspaceId, visitors);
  // the lift's: the same keys (a profile's decisions, and its orders after them)
  await rollUpHoldoutKeys(client, workspaceId, timeZone, decisionKeys);
  await linkHoldoutDays(client, workspaceId, visitors);

  const maxId = touched.reduce((max, t) => (BigInt(t.max_id) > BigInt(max) ? t.max_id : max), floor);
  const maxExposureId = shown.reduce((max, x) => (BigInt(x.max_id) > BigInt(max) ? x.max_id : max), exposureFloor);
  await client.query(
    `UPDATE analytics_rollup_state SET marks = $2, exposure_marks = $3, passed_at = $4 WHERE workspace_id = $1`,
    [
      workspaceId,
      JSON.stringify(nextMarks(marks, now, maxId)),
      JSON.stringify(nextMarks(exposureMarks, now, maxExposureId)),
      now,
    ],
  );
  return {
    state: "passed",
    keys: keys.length,
    contentKeys: rerolled.length + content.visitors.length,
    merged: merged.length,
    floor,
    maxId,
  };
}
