// Seeds the demo tenant on first start: the "Demo Store" workspace with its
// team, API keys, goals, segments, content, a few months of shopper behaviour
// and three experiments running for the last 30 days (what the storefront
// served, from the same generator as the events: experiments.ts), plus an
// empty "Outlet Store". Everything is written in one transaction: either the
// demo exists completely or not at all.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { DEFAULT_SCOPES, apiKeyPrefix, generateApiKey, hashApiKey } from "../../lib/api-keys/secret";
import { hashPassword } from "../../lib/auth/password";
import { DEMO_SLUG } from "../../lib/demo-store/workspace-slug";
import { generateChunks, seedClock } from "./generate";
import { computeProfileValues, fillExposureCounts, fillRollups, insertProfileChunk } from "./insert";
import { idFrom } from "./random";
import { demoContent, seedContent } from "./content";
import { HOLDOUT_SHARE } from "./decisions";
import { demoExperiments, EXPERIMENT_DAYS, seedExperiments } from "./experiments";
import { demoGoalLinks, demoGoals, insertGoals } from "./goals";
import { insertSegments, seedSegmentMembers } from "./segments";
import { DAY_MS } from "@/lib/time";
import { generateIdentitySecret, SECRET_PREFIX_LENGTH } from "@/lib/identity/identity-secret";
import { DEMO_USERS } from "@/lib/demo-store/demo-users";

export type SeedDemoOptions = {
  databaseUrl: string;
  profiles?: number;
  days?: number;
  seed?: number;
  /** The end of the data's window and the time the segments are computed as of; defaults to seedClock(). */
  now?: Date;
  writeKey?: string;
  clientKey?: string;
  onProgress?: (done: number, total: number, label: string) => void;
};

export type SeedDemoResult = {
  created: boolean;
  workspaceSlug: string;
  workspaceName: string;
  /** The plain keys, known only when this call created them. */
  writeKey?: string;
  clientKey?: string;
  /** The identity secret that signs the demo's user ids (the demo requires signed ids, as new workspaces do). */
  identitySecret?: string;
  users: { email: string; password: string; role: string }[];
};

export { DEMO_SLUG };
export const DEMO_NAME = "Demo Store";
export { DEMO_USERS };

const CHUNK_PROFILES = 250;

/**
 * Creates the demo workspaces and data unless the demo workspace already
 * exists (then nothing is touched and `created` is false). Defaults: 5,000
 * profiles, 90 days, seed 42, window ending at the seed clock (the start of
 * the current UTC day), as of which the demo segments are computed too: the
 * same demo all day long.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const profiles = options.profiles ?? 5_000;
  const days = options.days ?? 90;
  const seed = options.seed ?? 42;
  const users = DEMO_USERS.map(({ email, password, role }) => ({ email, password, role }));
  const base = { workspaceSlug: DEMO_SLUG, workspaceName: DEMO_NAME, users };
  const demoId = idFrom("workspace", 0, seed);
  const clock = options.now ?? seedClock();

  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    // A demo renamed away from its slug still counts as seeded (same id).
    const existing = await db.query("SELECT 1 FROM workspaces WHERE slug = $1 OR id = $2", [DEMO_SLUG, demoId]);
    if (existing.rowCount) return { created: false, ...base };

    const passwordHashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
    const writeKey = options.writeKey ?? generateApiKey("write");
    const clientKey = options.clientKey ?? generateApiKey("client");
    const identitySecret = generateIdentitySecret();
    const identitySalt = randomBytes(16).toString("hex");

    await db.query("BEGIN");
    const inserted = await db.query(
      `INSERT INTO workspaces (id, name, slug, identity_salt, cors_origins, is_demo, holdout_share, updated_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, now()) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [demoId, DEMO_NAME, DEMO_SLUG, identitySalt, ["http://localhost:3000"], HOLDOUT_SHARE],
    );
    if (!inserted.rowCount) {
      await db.query("ROLLBACK"); // another process seeded it meanwhile
      return { created: false, ...base };
    }
    const outletId = await ensureOutlet(db, seed);
    const userIds = await ensureUsers(db, seed, passwordHashes);
    for (const [i, user] of DEMO_USERS.entries()) await addMember(db, seed, i, demoId, userIds[i]!, user.role);
    if (outletId) await addMember(db, seed, DEMO_USERS.length, outletId, userIds[0]!, "admin");
    await insertKeysAndGoals(db, seed, demoId, userIds[0]!, writeKey, clientKey);
    await db.query(
      `INSERT INTO identity_secrets (id, workspace_id, secret, prefix, created_by_id) VALUES ($1, $2, $3, $4, $5)`,
      [
        idFrom("identity-secret", 0, seed),
        demoId,
        identitySecret,
        identitySecret.slice(0, SECRET_PREFIX_LENGTH),
        userIds[0],
      ],
    );

    // the configuration first (the experiments' assignments refer to it), the experiments started when the
    // history of decisions begins; the segments' members once the profiles are in
    await insertSegments(db, demoId, seed, clock.getTime());
    const content = demoContent(seed);
    await seedContent(db, demoId, content);
    const experimentsFrom = new Date(clock.getTime() - Math.min(days, EXPERIMENT_DAYS) * DAY_MS);
    await seedExperiments(db, demoId, seed, demoExperiments(seed, content), experimentsFrom, (key) =>
      demoGoalLinks(seed, key),
    );

    const ctx = { workspaceId: demoId, identitySalt, seed };
    let done = 0;
    options.onProgress?.(0, profiles, "profiles");
    // A few chunks queued (each chained on the previous, one statement at a
    // time): the next chunk is generated while Postgres inserts the queued ones,
    // and memory stays bounded whatever the size.
    const inFlight: Promise<number>[] = [];
    const settleOne = async (size: number) => {
      await inFlight.shift();
      done += size;
      options.onProgress?.(done, profiles, "profiles");
    };
    for (const chunk of generateChunks({
      profiles,
      days,
      seed,
      now: clock,
      chunkSize: CHUNK_PROFILES,
      decisions: { workspaceId: demoId, since: experimentsFrom },
    })) {
      const insert = insertProfileChunk(db, ctx, chunk, inFlight.at(-1));
      insert.catch(() => {}); // a failure surfaces when its turn is awaited, not as an unhandled rejection
      inFlight.push(insert);
      if (inFlight.length > 2) await settleOne(CHUNK_PROFILES);
    }
    while (inFlight.length) await settleOne(Math.min(CHUNK_PROFILES, profiles - done));
    options.onProgress?.(0, 1, "rollups");
    await fillRollups(db, demoId);
    await computeProfileValues(db, demoId);
    await seedSegmentMembers(db, demoId, seed, clock.getTime());
    await fillExposureCounts(db, demoId);
    await db.query("COMMIT");
    options.onProgress?.(1, 1, "rollups");
    // Fresh statistics, so the first dashboard queries get sensible plans.
    await db
      .query("ANALYZE profiles, identities, events, profile_daily_rollups, exposures, assignments")
      .catch(() => {});
    return { created: true, ...base, writeKey, clientKey, identitySecret };
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await db.end();
  }
}

/** The empty "Outlet Store" workspace; its id, or null if its id is taken by another row. */
async function ensureOutlet(db: pg.Client, seed: number): Promise<string | null> {
  await db.query(
    `INSERT INTO workspaces (id, name, slug, identity_salt, cors_origins, is_demo, updated_at)
     VALUES ($1, 'Outlet Store', 'outlet', $2, $3, true, now()) ON CONFLICT DO NOTHING`,
    [idFrom("workspace", 1, seed), randomBytes(16).toString("hex"), ["http://localhost:3000"]],
  );
  const row = await db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'outlet'");
  return row.rows[0]?.id ?? null;
}

/** The demo users' ids; existing users (same email) are reused untouched. */
async function ensureUsers(db: pg.Client, seed: number, passwordHashes: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, user] of DEMO_USERS.entries()) {
    await db.query(
      `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING`,
      [idFrom("user", i, seed), user.email, user.name, passwordHashes[i]],
    );
    const row = await db.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [user.email]);
    const id = row.rows[0]?.id;
    if (!id) throw new Error(`cannot create demo user ${user.email}: its id is taken by another user`);
    ids.push(id);
  }
  return ids;
}

async function addMember(
  db: pg.Client,
  seed: number,
  n: number,
  workspaceId: string,
  userId: string,
  role: string,
): Promise<void> {
  await db.query(
    `INSERT INTO memberships (id, workspace_id, user_id, role) VALUES ($1, $2, $3, $4::"Role") ON CONFLICT DO NOTHING`,
    [idFrom("membership", n, seed), workspaceId, userId, role],
  );
}

async function insertKeysAndGoals(
  db: pg.Client,
  seed: number,
  workspaceId: string,
  adminId: string,
  writeKey: string,
  clientKey: string,
): Promise<void> {
  const keys = [
    { name: "Demo write key", key: writeKey, scopes: DEFAULT_SCOPES.write },
    { name: "Demo client key", key: clientKey, scopes: DEFAULT_SCOPES.client },
  ];
  for (const [i, k] of keys.entries()) {
    await db.query(
      `INSERT INTO api_keys (id, workspace_id, name, prefix, hash, scopes, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6::"ApiKeyScope"[], $7)`,
      [idFrom("api-key", i, seed), workspaceId, k.name, apiKeyPrefix(k.key), hashApiKey(k.key), k.scopes, adminId],
    );
  }
  await insertGoals(db, workspaceId, demoGoals(seed));
}
