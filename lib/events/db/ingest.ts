import { inTransaction, pgPool } from "@/lib/db/pg-pool";
import { storedIdentityValue } from "@/lib/identity/normalize";
import type pg from "pg";
import type { MessageIdentities, ResolutionPlan } from "@/lib/identity/resolve";
import { applyBatch, type ProfileState } from "../apply";
import type { ConsentState } from "../consent";
import type { NormalizedEvent } from "../normalize";
import { mergeProfiles } from "./merge-profiles";
import { resolveIdentities } from "./resolve-identities";
import { writeEvents } from "./write-events";

export type IngestWorkspace = { id: string; identitySalt: string };
export type IngestResult = {
  received: number;
  stored: number;
  duplicates: number;
  droppedForConsent: number;
  profiles: string[];
  /** Profiles merged into others while resolving the batch's identities (committed, whatever happened next). */
  merges: { survivorId: string; mergedId: string }[];
  /** Profiles the batch created (committed by resolution; one may have been merged away since). */
  newProfiles: string[];
  /** The messageIds of the events stored by this batch (not those found stored already). */
  storedMessageIds: string[];
};

type ProfileRow = {
  id: string;
  traits: Record<string, unknown>;
  trait_timestamps: Record<string, string>;
  consent: ConsentState;
};

/** A message's identities in stored form (emails and phones hashed with the workspace's salt). */
export function identitiesOf(
  event: NormalizedEvent,
  salt: string,
  reason: MessageIdentities["reason"] = event.type === "alias" ? "alias" : "identify",
): MessageIdentities {
  const stored = (type: "email" | "phone", raw?: string) =>
    raw ? (storedIdentityValue(type, raw, salt) ?? undefined) : undefined;
  return {
    userId: event.userId,
    anonymousId: event.anonymousId,
    previousId: event.previousId,
    email: stored("email", event.email),
    phone: stored("phone", event.phone),
    reason,
  };
}

/** A profile of the batch was merged away between resolving and storing: resolve again. */
class ProfilesMoved extends Error {}

/**
 * Stores a batch of normalized events for one workspace, in short
 * transactions, so that concurrent batches sharing visitors seldom wait on
 * each other: identity resolution (new profiles and identities, merges),
 * committed at once so that identity locks are held only that long; consent
 * and traits, locking only the profiles they change; then the events
 * (idempotent by messageId) with the daily rollups and computed values,
 * locking the profiles only from the counters to the commit. Each step, once
 * committed, is harmless to repeat, so a retried batch ends the same. A
 * profile merged away meanwhile (by a concurrent batch) sends the batch back
 * to resolution. When it returns, everything is committed: an
 * acknowledged event is durable. Callers go through runtime/ingest.ts,
 * which signals it.
 */
export async function storeEvents(
  workspace: IngestWorkspace,
  events: NormalizedEvent[],
  options: { consentSource?: string; reason?: MessageIdentities["reason"]; receivedAt?: Date } = {},
): Promise<IngestResult> {
  const receivedAt = options.receivedAt ?? new Date();
  const merges: IngestResult["merges"] = [];
  const newProfiles: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const plan = await inTransaction((client) => resolveBatch(client, workspace, events, options.reason));
    merges.push(...plan.merges.map(({ survivorId, mergedId }) => ({ survivorId, mergedId })));
    newProfiles.push(...plan.newProfiles);
    try {
      const result = await storeBatch(workspace.id, events, plan, options.consentSource, receivedAt);
      return { ...result, merges, newProfiles };
    } catch (error) {
      if (!(error instanceof ProfilesMoved) || attempt >= 5) throw error;
    }
  }
}

/** Resolves the batch's identities and writes what resolution decided: new profiles, merges, new identities. */
async function resolveBatch(
  client: pg.PoolClient,
  workspace: IngestWorkspace,
  events: NormalizedEvent[],
  reason?: MessageIdentities["reason"],
): Promise<ResolutionPlan> {
  const plan = await resolveIdentities(
    client,
    workspace.id,
    events.map((e) => identitiesOf(e, workspace.identitySalt, reason)),
  );
  if (plan.newProfiles.length > 0) {
    const firstSeen = new Map<string, Date>();
    const lastSeen = new Map<string, Date>();
    events.forEach((e, i) => {
      const p = plan.profileOf[i]!;
      if (!firstSeen.has(p) || e.occurredAt < firstSeen.get(p)!) firstSeen.set(p, e.occurredAt);
      if (!lastSeen.has(p) || e.occurredAt > lastSeen.get(p)!) lastSeen.set(p, e.occurredAt);
    });
    await client.query(
      `INSERT INTO profiles (id, workspace_id, first_seen_at, last_seen_at, updated_at) SELECT id, $1, f, l, now() FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) AS u(id, f, l)`,
      [
        workspace.id,
        plan.newProfiles,
        plan.newProfiles.map((p) => firstSeen.get(p)),
        plan.newProfiles.map((p) => lastSeen.get(p)),
      ],
    );
  }
  for (const merge of plan.merges) await mergeProfiles(client, workspace.id, merge);
  if (plan.newIdentities.length > 0) {
    const ids = plan.newIdentities;
    await client.query(
      `INSERT INTO identities (id, workspace_id, profile_id, type, value) SELECT 'i' || md5(random()::text || clock_timestamp()::text || v), $1, p, t::"IdentityType", v
       FROM unnest($2::text[], $3::text[], $4::text[]) AS u(p, t, v) ON CONFLICT (workspace_id, type, value) DO NOTHING`,
      [workspace.id, ids.map((i) => i.profileId), ids.map((i) => i.type), ids.map((i) => i.value)],
    );
  }
  return plan;
}

/**
 * Consent and traits of a resolved batch: read without locks, and only the
 * profiles the batch changes are locked (in id order), read again and
 * written, in a transaction of their own. Says which events to store.
 */
async function settleProfiles(
  workspaceId: string,
  events: NormalizedEvent[],
  plan: ResolutionPlan,
  consentSource: string | undefined,
) {
  const touched = [...new Set(plan.profileOf)];
  const read = await pgPool().query<ProfileRow>(
    `SELECT id, traits, trait_timestamps, consent FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[])`,
    [workspaceId, touched],
  );
  if (read.rows.length < touched.length) throw new ProfilesMoved();
  const stateOf = (r: ProfileRow): ProfileState => ({
    id: r.id,
    traits: r.traits,
    traitTimestamps: r.trait_timestamps,
    consent: r.consent,
  });
  const states = new Map(read.rows.map((r) => [r.id, stateOf(r)]));
  const outcome = applyBatch(events, plan.profileOf, states, consentSource);
  if (outcome.changed.size === 0) return { outcome, touched };
  return inTransaction(async (client) => {
    // a batch's events only ever change their own profile: applied again with the locked profiles' current state, the others come out the same
    const locked = await client.query<ProfileRow>(
      `SELECT id, traits, trait_timestamps, consent FROM profiles WHERE workspace_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`,
      [workspaceId, [...outcome.changed].sort()],
    );
    if (locked.rows.length < outcome.changed.size) throw new ProfilesMoved();
    const current = new Map([...states, ...locked.rows.map((r) => [r.id, stateOf(r)] as const)]);
    const settled = applyBatch(events, plan.profileOf, current, consentSource);
    const changed = [...settled.changed].map((id) => settled.profiles.get(id)!);
    if (changed.length > 0)
      await client.query(
        `UPDATE profiles p SET traits = u.t::jsonb, trait_timestamps = u.ts::jsonb, consent = u.c::jsonb, updated_at = now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, t, ts, c) WHERE p.workspace_id = $1 AND p.id = u.id`,
        [
          workspaceId,
          changed.map((s) => s.id),
          changed.map((s) => JSON.stringify(s.traits)),
          changed.map((s) => JSON.stringify(s.traitTimestamps)),
          changed.map((s) => JSON.stringify(s.consent)),
        ],
      );
    const c = settled.consentChanges;
    if (c.length > 0) {
      await client.query(
        `INSERT INTO consent_changes (workspace_id, profile_id, purpose, granted, source, changed_at) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bool[], $5::text[], $6::timestamptz[])`,
        [
          workspaceId,
          c.map((x) => x.profileId),
          c.map((x) => x.purpose),
          c.map((x) => x.granted),
          c.map((x) => x.source),
          c.map((x) => x.changedAt),
        ],
      );
    }
    return { outcome: settled, touched };
  });
}

/** Consent and traits first, then the events with their rollups and counters (profiles locked only for the counters). */
async function storeBatch(
  workspaceId: string,
  events: NormalizedEvent[],
  plan: ResolutionPlan,
  consentSource: string | undefined,
  receivedAt: Date,
): Promise<Omit<IngestResult, "merges" | "newProfiles">> {
  const { outcome, touched } = await settleProfiles(workspaceId, events, plan, consentSource);
  const toStore = outcome.stored.map((i) => ({ event: events[i]!, profileId: plan.profileOf[i]! }));
  const stored = await inTransaction((client) =>
    writeEvents(client, workspaceId, toStore, new Set(plan.newProfiles), receivedAt).catch((error: unknown) => {
      // an event's profile was merged away since resolution (foreign key violation): resolve again, do not retry as is
      throw (error as { code?: string }).code === "23503" ? new ProfilesMoved() : error;
    }),
  );
  return {
    received: events.length,
    stored: stored.length,
    storedMessageIds: stored,
    duplicates: toStore.length - stored.length,
    droppedForConsent: outcome.dropped.length,
    profiles: touched,
  };
}
