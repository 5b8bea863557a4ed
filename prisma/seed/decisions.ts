// The storefront's decisions replayed while a persona's events are made: each
// page that shows a placement asks the live engine's decide() — with a
// snapshot built from the demo's own rows and the visitor as the engine would
// have read it then — so the history's exposures, assignments and holdout are
// what the running app computes, and an arm's effect (experiment-effects.ts)
// can act on the visitor's later checkouts.
import { buildSnapshot } from "@/lib/decide/build-snapshot";
import { decide } from "@/lib/decide/decide";
import { visitContextOf, type DecideBody } from "@/lib/decide/request";
import type { Snapshot, VisitorState } from "@/lib/decide/types";
import type { StoredAssignment } from "@/lib/experiments/enroll";
import { ORDER_EVENT, SESSION_GAP_SECONDS } from "@/lib/profiles/aggregates";
import type { ComputedValues, SegmentEvent } from "@/lib/segments/state";
import { DAY_MS } from "@/lib/time";
import { demoContent } from "./content";
import { purchaseProbability } from "./experiment-effects";
import { demoExperiments } from "./experiments";
import type { Persona } from "./persona";
import { demoSegments } from "./segments";
import type { SeedEvent } from "./sessions";

/** The demo workspace's global holdout: this share of visitors sees defaults everywhere and is in no experiment. */
export const HOLDOUT_SHARE = 0.05;

/** The placement each storefront page decides while it renders; the layout decides the announcement bar once per full page load. */
const PAGE_PLACEMENTS: Readonly<Record<string, string>> = {
  Home: "home-hero",
  Category: "category-banner",
  Product: "pdp-banner",
  Cart: "cart-upsell",
};
const LAYOUT_PLACEMENT = "announcement-bar";
/** Most recent events a decision reads of a visitor (as lib/decide/db/load-visitor.ts). */
const MAX_VISITOR_EVENTS = 1_000;

/** One served decision as the exposure log keeps it (one placement: the storefront decides one per call). */
export type SeedExposure = {
  occurredAt: Date;
  /** The context of the page it was made on (its clicks carry it). */
  pageContext: Record<string, unknown>;
  /** False for a visitor's very first decision: no profile exists before its first event is stored. */
  profileKnown: boolean;
  placementId: string;
  variantId: string;
  experimentId: string | null;
  variationId: string | null;
  holdout: boolean;
};
/**
 * A unit's first exposure to an experiment, with what that exposure knew of the visitor (the results' dimension
 * breakdown): the device of its user agent, the country of its locale (the visitor's own), and whether an earlier
 * visit of the visitor's had begun before it.
 */
export type SeedAssignment = {
  experimentId: string;
  variationId: string;
  assignedAt: Date;
  device: string | null;
  country: string | null;
  returning: boolean;
};

/** "DE" of "de-DE": the region of a locale, as a two-letter country code (null without one). */
export function countryOfLocale(locale: unknown): string | null {
  return typeof locale === "string" ? (/-([A-Za-z]{2})$/.exec(locale)?.[1]?.toUpperCase() ?? null) : null;
}

/** What replaying decisions needs: the demo's snapshot, the arms' keys, and since when decisions are recorded. */
export type DecisionWorld = {
  snapshot: Snapshot;
  /** ms; decisions are made in [from, until]: the experiments and the exposure log begin at `from`, the data ends at `until`. */
  from: number;
  until: number;
  /** Experiment id → its key and its variations' keys by id. */
  keys: ReadonlyMap<string, { key: string; variations: ReadonlyMap<string, string> }>;
};

/** The demo's decision snapshot: its segments, content and experiments (as seeded, running) and its holdout. */
export function demoDecisionWorld(seed: number, workspaceId: string, from: number, until: number): DecisionWorld {
  const content = demoContent(seed);
  const experiments = demoExperiments(seed, content);
  const snapshot = buildSnapshot(
    {
      workspaceId,
      version: 1,
      segments: demoSegments(seed),
      placements: content,
      experiments,
      holdoutShare: HOLDOUT_SHARE,
    },
    from,
  );
  const keys = new Map(
    experiments.map((e) => [e.id, { key: e.key, variations: new Map(e.variations.map((v) => [v.id, v.key])) }]),
  );
  return { snapshot, from, until, keys };
}

/** One persona's decisions, made as its events are: `observe` each event in time order. */
export type VisitorDecisions = {
  /** Decides what the page shows (when it is a page with a placement, `landing` for a session's first), then records the event. */
  observe(event: SeedEvent, landing: boolean): void;
  /** The chance that a checkout at `at` completes, given the arms the visitor was first exposed to before it. */
  purchaseProbability(at: number): number;
  exposures: SeedExposure[];
  assignments: SeedAssignment[];
};

/** Starts replaying one persona's decisions. */
export function startDecisions(world: DecisionWorld, persona: Persona): VisitorDecisions {
  const { snapshot } = world;
  const historyMs = snapshot.historyDays * DAY_MS;
  const events: SegmentEvent[] = [];
  let oldest = 0; // events before this index are older than any decision still to come can read
  const computed: ComputedValues = {
    orders: 0,
    revenue: 0,
    sessions: 0,
    eventCount: 0,
    firstSeenAt: null,
    lastSeenAt: null,
    lastOrderAt: null,
    rfmRecency: null, // computed for the workspace as of the seed clock only: unknown in the replayed past
    rfmFrequency: null,
    rfmMonetary: null,
  };
  // visits begun so far: a visit's first event is a landing page, and visits begin in time order (sessions.ts)
  let visits = 0;
  const stored: StoredAssignment[] = [];
  const exposures: SeedExposure[] = [];
  const assignments: SeedAssignment[] = [];
  const arms: { experimentKey: string; variationKey: string; at: number }[] = [];
  const firsts = new Map<
    string,
    { stored: StoredAssignment; assignment: SeedAssignment; arm: (typeof arms)[number] }
  >();

  const visitorAt = (now: number): VisitorState => {
    if (events.length === 0) return { profileId: null, profile: null, personalization: true, assignments: stored };
    while (oldest < events.length && events[oldest]!.occurredAt <= now - historyMs) oldest++;
    let seen = events.slice(oldest);
    if (computed.lastSeenAt! > now) seen = seen.filter((e) => e.occurredAt <= now); // sessions can overlap a little
    if (seen.length > MAX_VISITOR_EVENTS) seen = seen.slice(-MAX_VISITOR_EVENTS);
    return {
      profileId: persona.id,
      profile: { traits: persona.traits, computed: { ...computed }, events: seen, staticSegments: new Set() },
      personalization: true,
      assignments: stored,
    };
  };

  const decideAt = (event: SeedEvent, placement: string) => {
    const now = event.occurredAt.getTime();
    const visitor = visitorAt(now);
    const page = event.context.page as { path?: string; url?: string; referrer?: string };
    const utm = event.context.campaign as { source: string; medium: string; name: string } | undefined;
    const body: DecideBody = {
      anonymousId: persona.anonymousId,
      placements: [placement],
      context: {
        path: page.path,
        url: page.url,
        referrer: page.referrer || undefined,
        userAgent: persona.userAgent,
        locale: persona.locale,
        utm: utm ? { source: utm.source, medium: utm.medium, campaign: utm.name } : undefined,
      },
    };
    const context = visitContextOf(body, { now, returning: computed.sessions > 1 });
    const result = decide(snapshot, visitor, {
      placements: body.placements,
      ids: { anonymousId: persona.anonymousId },
      context,
      now,
    });
    const decision = result.decisions[placement];
    if (!decision) return;
    const exposure = result.exposures[0];
    exposures.push({
      occurredAt: event.occurredAt,
      pageContext: event.context,
      profileKnown: visitor.profileId !== null,
      placementId: decision.placementId,
      variantId: decision.variantId,
      experimentId: exposure?.experimentId ?? null,
      variationId: exposure?.variationId ?? null,
      holdout: result.holdout,
    });
    if (!exposure) return;
    const { experimentId, variationId, unitId, phase } = exposure;
    const first = firsts.get(experimentId);
    // what the live engine keeps of the request with a new assignment: the device and country its events carry, and
    // whether the visitor had been here before this visit
    const returning = visits > 1;
    if (!first) {
      // the unit's first exposure: its assignment, sticky from now on (as the exposure buffer stores it)
      const keys = world.keys.get(experimentId);
      const made = {
        stored: { experimentId, unitId, variationId, phase, assignedAt: now },
        assignment: {
          experimentId,
          variationId,
          assignedAt: event.occurredAt,
          device: context.device ?? null,
          country: countryOfLocale(event.context.locale),
          returning,
        },
        arm: { experimentKey: keys?.key ?? "", variationKey: keys?.variations.get(variationId) ?? "", at: now },
      };
      firsts.set(experimentId, made);
      stored.push(made.stored);
      assignments.push(made.assignment);
      arms.push(made.arm);
    } else if (now < first.stored.assignedAt) {
      // sessions can overlap a little: the earliest exposure is the assignment's time (as the buffer keeps it)
      first.stored.assignedAt = first.arm.at = now;
      first.assignment.assignedAt = event.occurredAt;
      first.assignment.returning = returning;
    }
  };

  const record = (event: SeedEvent) => {
    const t = event.occurredAt.getTime();
    if (computed.lastSeenAt === null || t - computed.lastSeenAt > SESSION_GAP_SECONDS * 1000) computed.sessions++;
    computed.eventCount++;
    computed.firstSeenAt = Math.min(computed.firstSeenAt ?? t, t);
    computed.lastSeenAt = Math.max(computed.lastSeenAt ?? t, t);
    if (event.name === ORDER_EVENT) {
      computed.orders++;
      computed.revenue = Number(computed.revenue) + Number(event.properties.revenue ?? 0);
      computed.lastOrderAt = Math.max(computed.lastOrderAt ?? t, t);
    }
    events.push({ name: event.name, occurredAt: t, properties: event.properties });
  };

  return {
    observe(event, landing) {
      const t = event.occurredAt.getTime();
      if (landing) visits++;
      if (event.type === "page" && t >= world.from && t <= world.until) {
        if (landing) decideAt(event, LAYOUT_PLACEMENT);
        const placement = PAGE_PLACEMENTS[event.name];
        if (placement) decideAt(event, placement);
      }
      record(event);
    },
    purchaseProbability(at) {
      return purchaseProbability(arms.filter((a) => a.at <= at));
    },
    exposures,
    assignments,
  };
}
