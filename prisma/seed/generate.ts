// The demo data set as a pure, deterministic stream: profiles with their
// identities and events, chunk by chunk, so millions of events never sit in
// memory at once. Same options (seed, now included) → same rows.
import { buildCatalog } from "../../lib/demo-store/catalog";
import { indexCatalog, type CatalogIndex } from "./catalog";
import {
  demoDecisionWorld,
  startDecisions,
  type DecisionWorld,
  type SeedAssignment,
  type SeedExposure,
} from "./decisions";
import { buildPersona, loyaltyTier, type Window } from "./persona";
import { clicksOf } from "./clicks";
import { createRandom, hash32 } from "./random";
import { buildEvents, type SeedEvent } from "./sessions";
import type { IdentityType } from "../../lib/identity/normalize";
import { DAY_MS } from "@/lib/time";

export type { SeedEvent } from "./sessions";
export type { SeedAssignment, SeedExposure } from "./decisions";

export type GenerateOptions = {
  profiles: number;
  days: number;
  seed: number;
  /** The end of the window; defaults to the seed clock (the start of the current UTC day, see seedClock). */
  now?: Date;
  /** Profiles per yielded chunk (default 1,000). */
  chunkSize?: number;
  /**
   * Replays the storefront's decisions from `since` (clamped to the window) for the workspace `workspaceId`
   * (whose id the holdout hashes): each profile gets its exposures and experiment assignments, and the demo
   * experiments' arms act on its later checkouts (experiment-effects.ts). Without it, no decisions are made.
   */
  decisions?: { workspaceId: string; since: Date };
};

/** An identity before storage: `value` is raw (emails are hashed on insert). */
export type SeedIdentity = { type: IdentityType; value: string; createdAt: Date };

export type SeedProfile = {
  index: number;
  id: string;
  traits: Record<string, unknown>;
  identities: SeedIdentity[];
  events: SeedEvent[];
  /** What the storefront served this profile, one decision each (empty unless decisions are replayed). */
  exposures: SeedExposure[];
  /** Its first exposure to each experiment it is in. */
  assignments: SeedAssignment[];
  firstSeenAt: Date;
  lastSeenAt: Date;
};

let sharedCatalog: CatalogIndex | undefined;

/**
 * The seed clock, the default end of the window: the start of `at`'s UTC day
 * (`at` defaults to now). Day-aligned, so that seeds run at any hour of one
 * day give the same rows (the same people for the browser tests all day),
 * and at its start, so that no event is dated in the future: the history
 * ends as today begins, with a full last day of activity for the
 * recent-activity segments.
 */
export function seedClock(at: Date = new Date()): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** Generates the index-th profile of the data set, with its identities and events (and decisions, given their world). */
export function generateProfile(
  index: number,
  window: Window,
  catalog: CatalogIndex,
  world?: DecisionWorld,
): SeedProfile {
  const random = createRandom(hash32(window.seed, "profile", index));
  const persona = buildPersona(random, index, window);
  const decisions = world ? startDecisions(world, persona) : undefined;
  const sessions = buildEvents(random, persona, { catalog, now: window.end, seed: window.seed, decisions });
  const clicks =
    world && decisions ? clicksOf(window.seed, index, decisions.exposures, world.snapshot, window.end) : [];
  // after the sessions' events, not among them: the rows of the rest of the demo stay as they were
  const events = clicks.length === 0 ? sessions : [...sessions, ...clicks];
  let first = Infinity,
    last = -Infinity,
    orders = 0;
  for (const event of events) {
    const t = event.occurredAt.getTime();
    if (t < first) first = t;
    if (t > last) last = t;
    if (event.name === "Order Completed") orders++;
  }
  if (events.length === 0) first = last = persona.activeFrom;
  const firstSeenAt = new Date(first);
  const identities: SeedIdentity[] = [{ type: "anonymous_id", value: persona.anonymousId, createdAt: firstSeenAt }];
  const traits = { ...persona.traits };
  if (persona.userId && persona.email) {
    const signedUpAt = persona.signsUpInWindow ? firstSeenAt : new Date(`${String(traits.signup_date)}T12:00:00Z`);
    identities.push(
      { type: "user_id", value: persona.userId, createdAt: signedUpAt },
      { type: "email", value: persona.email, createdAt: signedUpAt },
    );
    traits.loyalty_tier = loyaltyTier(orders + persona.priorOrders);
  }
  return {
    index,
    id: persona.id,
    traits,
    identities,
    events,
    exposures: decisions?.exposures ?? [],
    assignments: decisions?.assignments ?? [],
    firstSeenAt,
    lastSeenAt: new Date(last),
  };
}

/** Yields the data set's profiles in chunks of `chunkSize`, in index order. */
export function* generateChunks(options: GenerateOptions): Generator<SeedProfile[]> {
  sharedCatalog ??= indexCatalog(buildCatalog());
  const end = (options.now ?? seedClock()).getTime();
  const window: Window = { start: end - options.days * DAY_MS, end, seed: options.seed };
  const size = Math.max(1, options.chunkSize ?? 1_000);
  const world = options.decisions
    ? demoDecisionWorld(
        options.seed,
        options.decisions.workspaceId,
        Math.max(window.start, options.decisions.since.getTime()),
        end,
      )
    : undefined;
  for (let from = 0; from < options.profiles; from += size) {
    const chunk: SeedProfile[] = [];
    for (let i = from; i < Math.min(options.profiles, from + size); i++)
      chunk.push(generateProfile(i, window, sharedCatalog, world));
    yield chunk;
  }
}

/** Yields the data set's profiles one by one (see generateChunks). */
export function* generateProfiles(options: GenerateOptions): Generator<SeedProfile> {
  for (const chunk of generateChunks(options)) yield* chunk;
}
