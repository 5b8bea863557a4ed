import { allowsAnalytics, applyConsent, mostRestrictive, type ConsentState } from "./consent";
import type { NormalizedEvent } from "./normalize";
import type { ConsentPurpose } from "./schema";

/** What ingest needs to know of a profile before a batch touches it. */
export type ProfileState = {
  id: string;
  traits: Record<string, unknown>;
  /** trait key → ISO time it was last written (last write wins). */
  traitTimestamps: Record<string, string>;
  consent: ConsentState;
};

export type ConsentChangeRow = {
  profileId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  source: string;
  changedAt: Date;
};

export type BatchOutcome = {
  /** Positions of the events to store (those of profiles that allow analytics at that point). */
  stored: number[];
  /** Positions of the events dropped for lack of analytics consent. */
  dropped: number[];
  consentChanges: ConsentChangeRow[];
  /** Traits and consent of every profile the batch touched. */
  profiles: Map<string, ProfileState>;
  /** The ids of the profiles whose traits or consent the batch changed (the only ones to write back). */
  changed: Set<string>;
};

/** Sets traits whose statement is at least as recent as the stored one (last write wins by event time). */
export function mergeTraits(state: ProfileState, traits: Record<string, unknown>, at: Date): boolean {
  let changed = false;
  const iso = at.toISOString();
  for (const [key, value] of Object.entries(traits)) {
    const previous = state.traitTimestamps[key];
    if (previous && previous > iso) continue;
    state.traits[key] = value;
    state.traitTimestamps[key] = iso;
    changed = true;
  }
  return changed;
}

/**
 * The profile a merge leaves: the merged profile's traits under the survivor's (each trait by last write, the
 * survivor's winning a tie), consent by the most restrictive choice of the two.
 */
export function combineProfiles(survivor: ProfileState, merged: ProfileState): ProfileState {
  const combined: ProfileState = {
    id: survivor.id,
    traits: { ...merged.traits },
    traitTimestamps: { ...merged.traitTimestamps },
    consent: mostRestrictive(survivor.consent, merged.consent),
  };
  for (const [key, value] of Object.entries(survivor.traits))
    mergeTraits(combined, { [key]: value }, new Date(survivor.traitTimestamps[key] ?? 0));
  return combined;
}

/**
 * Applies a resolved batch to its profiles, in message order: consent
 * statements first (so an opt-out stops the events after it), then traits of
 * identify calls. An event is stored only while its profile allows analytics;
 * a consent change itself is always kept (as consent history).
 */
export function applyBatch(
  events: NormalizedEvent[],
  profileOf: string[],
  states: ReadonlyMap<string, ProfileState>,
  consentSource = "identify",
): BatchOutcome {
  const profiles = new Map<string, ProfileState>();
  const current = (id: string) => {
    let state = profiles.get(id);
    if (!state) {
      const base = states.get(id) ?? { id, traits: {}, traitTimestamps: {}, consent: {} };
      state = {
        id,
        traits: { ...base.traits },
        traitTimestamps: { ...base.traitTimestamps },
        consent: { ...base.consent },
      };
      profiles.set(id, state);
    }
    return state;
  };
  const outcome: BatchOutcome = { stored: [], dropped: [], consentChanges: [], profiles, changed: new Set() };
  events.forEach((event, index) => {
    const state = current(profileOf[index]!);
    if (event.consent) {
      const { state: consent, changed } = applyConsent(
        state.consent,
        event.consent,
        event.consentAt ?? event.occurredAt,
      );
      state.consent = consent;
      if (changed.length > 0) outcome.changed.add(state.id);
      for (const purpose of changed) {
        outcome.consentChanges.push({
          profileId: state.id,
          purpose,
          granted: consent[purpose]!.granted,
          source: consentSource,
          changedAt: event.consentAt ?? event.occurredAt,
        });
      }
    }
    if (!allowsAnalytics(state.consent)) {
      outcome.dropped.push(index);
      return;
    }
    if (event.traits && mergeTraits(state, event.traits, event.occurredAt)) outcome.changed.add(state.id);
    outcome.stored.push(index);
  });
  return outcome;
}

/** Counters a set of newly stored events adds to one profile. */
export type CounterDelta = {
  events: number;
  sessions: number;
  orders: number;
  revenue: number;
  firstSeen: Date;
  lastSeen: Date;
  firstOrder: Date | null;
  lastOrder: Date | null;
};

/**
 * The counters new events add to a profile whose last event was at
 * `lastSeenBefore` (null for a new profile): a gap over `sessionGapMs`
 * starts a session. Events arriving out of order count approximately; a
 * merge recomputes exactly.
 */
export function counterDelta(
  times: Date[],
  orders: { at: Date; revenue: number }[],
  lastSeenBefore: Date | null,
  sessionGapMs: number,
): CounterDelta {
  const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
  let sessions = 0;
  let previous = lastSeenBefore;
  for (const at of sorted) {
    if (!previous || at.getTime() - previous.getTime() > sessionGapMs) sessions += 1;
    if (!previous || at > previous) previous = at;
  }
  const orderTimes = orders.map((o) => o.at.getTime());
  return {
    events: sorted.length,
    sessions,
    orders: orders.length,
    revenue: orders.reduce((sum, o) => sum + o.revenue, 0),
    firstSeen: sorted[0]!,
    lastSeen: sorted[sorted.length - 1]!,
    firstOrder: orderTimes.length ? new Date(Math.min(...orderTimes)) : null,
    lastOrder: orderTimes.length ? new Date(Math.max(...orderTimes)) : null,
  };
}
