// Bulk inserts of generated demo rows with node-postgres: one parameterized
// `INSERT ... SELECT FROM unnest(arrays)` per table and chunk, so thousands of
// rows travel in one round trip and no SQL is ever built from data.
import type pg from "pg";
import { copyInto, type CopyValue } from "../../lib/db/copy-rows";
import { storedIdentityValue } from "../../lib/identity/normalize";
import { recomputeAggregatesStatement, rfmStatements } from "../../lib/profiles/aggregates";
import type { SeedEvent, SeedProfile } from "./generate";
import { idFrom } from "./random";

/** Events per INSERT statement. */
export const EVENT_BATCH = 5_000;

export type InsertContext = { workspaceId: string; identitySalt: string; seed: number };

const INSERT_PROFILES = `
  INSERT INTO profiles (id, workspace_id, traits, first_seen_at, last_seen_at, created_at, updated_at)
  SELECT id, $1, traits, first_seen, last_seen, first_seen, last_seen
  FROM unnest($2::text[], $3::jsonb[], $4::timestamptz[], $5::timestamptz[]) AS t(id, traits, first_seen, last_seen)`;

const INSERT_IDENTITIES = `
  INSERT INTO identities (id, workspace_id, profile_id, type, value, created_at)
  SELECT id, $1, profile_id, type, value, created_at
  FROM unnest($2::text[], $3::text[], $4::"IdentityType"[], $5::text[], $6::timestamptz[]) AS t(id, profile_id, type, value, created_at)`;

// jsonb columns travel as one JSON array per batch, picked by ordinality: as a
// jsonb[] literal every quote is escaped by pg and unescaped by Postgres, which
// measured ~1.7× slower for the whole seed.
const INSERT_EVENTS = `
  INSERT INTO events (workspace_id, profile_id, type, name, properties, context, message_id, occurred_at, received_at)
  SELECT $1, t.profile_id, t.type, t.name, $5::jsonb -> (t.i::int - 1), $6::jsonb -> (t.i::int - 1), t.message_id, t.occurred_at, t.occurred_at
  FROM unnest($2::text[], $3::text[], $4::text[], $7::text[], $8::timestamptz[]) WITH ORDINALITY
    AS t(profile_id, type, name, message_id, occurred_at, i)`;

// "returning" is a reserved word in SQL: quoted as a name.
const INSERT_ASSIGNMENTS = `
  INSERT INTO assignments (workspace_id, experiment_id, unit_id, phase, variation_id, assigned_at, device, country, "returning")
  SELECT $1, experiment_id, unit_id, 1, variation_id, assigned_at, device, country, "returning"
  FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::boolean[])
    AS t(experiment_id, unit_id, variation_id, assigned_at, device, country, "returning")`;

/** The exposure log's columns, as the decision servers' exposure buffer writes them. */
const EXPOSURE_COLUMNS = [
  "workspace_id",
  "profile_id",
  "anonymous_id",
  "placement_ids",
  "variant_ids",
  "experiment_ids",
  "variation_ids",
  "holdout",
  "occurred_at",
  "impressions",
];
const NONE: readonly string[] = [];

/**
 * Inserts a chunk of profiles with their identities (emails hashed with the
 * salt), events, experiment assignments (by anonymous id) and exposures (one
 * row per decision), once `after` has settled (a failure there skips this chunk).
 * All parameters are built before returning, so the caller can prepare the
 * next chunk while Postgres works. Resolves to the number of events.
 */
export function insertProfileChunk(
  db: pg.ClientBase,
  ctx: InsertContext,
  profiles: SeedProfile[],
  after: Promise<unknown> = Promise.resolve(),
): Promise<number> {
  const statements: [string, unknown[]][] = [
    [
      INSERT_PROFILES,
      [
        ctx.workspaceId,
        profiles.map((p) => p.id),
        profiles.map((p) => JSON.stringify(p.traits)),
        profiles.map((p) => p.firstSeenAt.toISOString()),
        profiles.map((p) => p.lastSeenAt.toISOString()),
      ],
    ],
    [INSERT_IDENTITIES, identityParams(ctx, profiles)],
  ];
  let events = 0;
  let batch: { profileId: string; event: SeedEvent }[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const b = batch;
    statements.push([
      INSERT_EVENTS,
      [
        ctx.workspaceId,
        b.map((r) => r.profileId),
        b.map((r) => r.event.type),
        b.map((r) => r.event.name),
        JSON.stringify(b.map((r) => r.event.properties)),
        JSON.stringify(b.map((r) => r.event.context)),
        b.map((r) => r.event.messageId),
        b.map((r) => r.event.occurredAt.toISOString()),
      ],
    ]);
    events += b.length;
    batch = [];
  };
  for (const p of profiles) {
    for (const event of p.events) {
      batch.push({ profileId: p.id, event });
      if (batch.length >= EVENT_BATCH) flush();
    }
  }
  flush();
  const assigned = assignmentParams(ctx, profiles);
  if (assigned[1].length > 0) statements.push([INSERT_ASSIGNMENTS, assigned]);
  const exposures = exposureRows(ctx, profiles);
  // One statement at a time: pg deprecates queueing queries on a busy client.
  let chain: Promise<unknown> = after;
  for (const [sql, params] of statements) chain = chain.then(() => db.query(sql, params));
  if (exposures.length > 0) chain = chain.then(() => copyInto(db, "exposures", EXPOSURE_COLUMNS, exposures));
  return chain.then(() => events);
}

const anonymousIdOf = (p: SeedProfile) => p.identities.find((i) => i.type === "anonymous_id")!.value;

/** The chunk's assignments by anonymous id, with what the first exposure knew of the unit (device, country, returning). */
function assignmentParams(
  ctx: InsertContext,
  profiles: SeedProfile[],
): [string, string[], string[], string[], string[], (string | null)[], (string | null)[], boolean[]] {
  const experiments: string[] = [],
    units: string[] = [],
    variations: string[] = [],
    times: string[] = [],
    devices: (string | null)[] = [],
    countries: (string | null)[] = [],
    returning: boolean[] = [];
  for (const p of profiles) {
    if (p.assignments.length === 0) continue;
    const unit = anonymousIdOf(p);
    for (const a of p.assignments) {
      experiments.push(a.experimentId);
      units.push(unit);
      variations.push(a.variationId);
      times.push(a.assignedAt.toISOString());
      devices.push(a.device);
      countries.push(a.country);
      returning.push(a.returning);
    }
  }
  return [ctx.workspaceId, experiments, units, variations, times, devices, countries, returning];
}

/** The chunk's decisions as exposure rows: the profile once it exists (its first decision comes before its first event). */
function exposureRows(ctx: InsertContext, profiles: SeedProfile[]): CopyValue[][] {
  const rows: CopyValue[][] = [];
  for (const p of profiles) {
    if (p.exposures.length === 0) continue;
    const anonymousId = anonymousIdOf(p);
    for (const e of p.exposures)
      rows.push([
        ctx.workspaceId,
        e.profileKnown ? p.id : null,
        e.profileKnown ? null : anonymousId,
        [e.placementId],
        [e.variantId],
        e.experimentId ? [e.experimentId] : NONE,
        e.variationId ? [e.variationId] : NONE,
        e.holdout ? "t" : "f",
        e.occurredAt.toISOString(),
        1,
      ]);
  }
  return rows;
}

function identityParams(ctx: InsertContext, profiles: SeedProfile[]): unknown[] {
  const ids: string[] = [],
    owners: string[] = [],
    types: string[] = [],
    values: string[] = [],
    created: string[] = [];
  for (const p of profiles) {
    p.identities.forEach((identity, k) => {
      const value = storedIdentityValue(identity.type, identity.value, ctx.identitySalt);
      if (value === null) return;
      ids.push(idFrom("identity", p.index * 4 + k, ctx.seed));
      owners.push(p.id);
      types.push(identity.type);
      values.push(value);
      created.push(identity.createdAt.toISOString());
    });
  }
  return [ctx.workspaceId, ids, owners, types, values, created];
}

/**
 * Rebuilds the workspace's per-profile daily counters from its events (UTC
 * days; revenue from the `revenue` property). Returns the number of rows.
 */
export async function fillRollups(db: pg.ClientBase, workspaceId: string): Promise<number> {
  await db.query("DELETE FROM profile_daily_rollups WHERE workspace_id = $1", [workspaceId]);
  const result = await db.query(
    `INSERT INTO profile_daily_rollups (workspace_id, profile_id, day, event_name, count, revenue)
     SELECT workspace_id, profile_id, (occurred_at AT TIME ZONE 'UTC')::date, name, count(*),
            coalesce(sum((properties->>'revenue')::numeric), 0)
     FROM events WHERE workspace_id = $1
     GROUP BY workspace_id, profile_id, (occurred_at AT TIME ZONE 'UTC')::date, name`,
    [workspaceId],
  );
  return result.rowCount ?? 0;
}

/**
 * Adds up the workspace's exposure log into its day counts, as the exposure
 * buffer does while it writes: impressions per placement, variant and UTC day,
 * and exposures per experiment, variation and UTC day.
 */
export async function fillExposureCounts(db: pg.ClientBase, workspaceId: string): Promise<void> {
  await db.query(
    `INSERT INTO placement_impressions (workspace_id, placement_id, variant_id, day, impressions)
     SELECT e.workspace_id, d.placement_id, d.variant_id, (e.occurred_at AT TIME ZONE 'UTC')::date, sum(e.impressions)
     FROM exposures e CROSS JOIN LATERAL unnest(e.placement_ids, e.variant_ids) AS d(placement_id, variant_id)
     WHERE e.workspace_id = $1
     GROUP BY e.workspace_id, d.placement_id, d.variant_id, (e.occurred_at AT TIME ZONE 'UTC')::date`,
    [workspaceId],
  );
  await db.query(
    `INSERT INTO variation_exposures (workspace_id, experiment_id, variation_id, day, exposures)
     SELECT e.workspace_id, d.experiment_id, d.variation_id, (e.occurred_at AT TIME ZONE 'UTC')::date, sum(e.impressions)
     FROM exposures e CROSS JOIN LATERAL unnest(e.experiment_ids, e.variation_ids) AS d(experiment_id, variation_id)
     WHERE e.workspace_id = $1
     GROUP BY e.workspace_id, d.experiment_id, d.variation_id, (e.occurred_at AT TIME ZONE 'UTC')::date`,
    [workspaceId],
  );
}

/**
 * Computes every profile's computed values (sessions, orders, revenue, …) and
 * the workspace's RFM scores from the inserted events, with the same
 * statements the app uses.
 */
export async function computeProfileValues(db: pg.ClientBase, workspaceId: string): Promise<void> {
  for (const statement of [recomputeAggregatesStatement(workspaceId, null), ...rfmStatements(workspaceId)]) {
    await db.query(statement.text, statement.values);
  }
}
