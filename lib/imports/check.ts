import { applyBatch, combineProfiles, type ProfileState } from "@/lib/events/apply";
import type { ConsentState } from "@/lib/events/consent";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { identityKey, planResolution, type IdentityKey, type MessageIdentities } from "@/lib/identity/resolve";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { CANCELLED_EVENT, REFUNDED_EVENT } from "./order-rows";
import { MAX_REPORTED_ISSUES, type ImportIssue } from "./schema";

const SAMPLE_PROFILES = 6;
/** The identities a dry run holds at most (about 150 bytes each): a file with more is checked in parts. */
export const MAX_CHECKED_IDENTITIES = 2_000_000;

/** The file has more distinct identities than a dry run holds. */
export class TooLargeToCheck extends Error {}

/** A profile as the dry run shows it: what it is now (null for a new one) and what the import would make it. */
export type ProfileSample = {
  profileId: string | null;
  /** The file's email, user id or phone of the profile. */
  label: string;
  status: "created" | "changed" | "unchanged";
  before: { traits: Record<string, unknown>; consent: Record<string, boolean> } | null;
  after: { traits: Record<string, unknown>; consent: Record<string, boolean> };
};

/** What importing a file would do, said before anything is written. */
export type ImportCheckSummary = {
  totalRows: number;
  importableRows: number;
  refusedRows: number;
  /** The refused rows' problems (the first 10,000, as the import's report). */
  issues: ImportIssue[];
  profiles: { created: number; merged: number; changed: number; unchanged: number };
  consentChanges: number;
  events: { new: number; alreadyImported: number; droppedForConsent: number };
  orders: {
    completed: number;
    refunded: number;
    cancelled: number;
    items: number;
    /** Revenue of the new completed orders, per currency (never added across currencies). */
    revenue: Record<string, number>;
  };
  samples: ProfileSample[];
};

/** A dry run's answer: whether the whole file could be read (the import would stop where it stopped), and why not. */
export type ImportCheckOutcome = ImportCheckSummary & { readable: boolean; problem: string | null };

/** What the dry run needs read from the database for one chunk of a file. */
export type StoredView = {
  /** Owners of the chunk's identities that are stored (keys as `identityKey`). */
  owners: ReadonlyMap<IdentityKey, string>;
  userIdsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Stored traits and consent of the profiles those identities lead to. */
  states: ReadonlyMap<string, ProfileState>;
  /** The chunk's messageIds already stored. */
  storedMessageIds: ReadonlySet<string>;
};

const keysOf = (m: MessageIdentities): IdentityKey[] => [
  ...(m.userId ? [identityKey("user_id", m.userId)] : []),
  ...(m.anonymousId ? [identityKey("anonymous_id", m.anonymousId)] : []),
  ...(m.email ? [identityKey("email", m.email)] : []),
  ...(m.phone ? [identityKey("phone", m.phone)] : []),
];

const consentOf = (c: ConsentState) => Object.fromEntries(Object.entries(c).map(([p, v]) => [p, v!.granted]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameTraits = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => same(v, b[k]));

/**
 * A dry run of an import, chunk by chunk as the import itself goes: the same identity resolution
 * (`planResolution`), merge (`combineProfiles`) and trait and consent rules (`applyBatch`) as ingest, over what
 * the database holds now plus what the file's earlier chunks would have written. Memory grows with the
 * file's distinct identities, not its rows' content: a profile keeps its class (created, changed,
 * unchanged, merged away) and consent, not its traits, which are read again when a later chunk touches it
 * (only the samples keep theirs). "Changed" means a trait value or a consent choice would differ.
 */
export class ImportCheck {
  private readonly owner = new Map<IdentityKey, string>();
  private readonly userIds = new Map<string, Set<string>>();
  private readonly mergedInto = new Map<string, string>();
  private readonly consent = new Map<string, ConsentState>();
  private readonly created = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly touched = new Set<string>();
  private readonly mergedAway = new Set<string>();
  private readonly messageIds = new Set<string>();
  private readonly samples = new Map<string, ProfileSample & { state: ProfileState }>();
  private nextId = 0;

  constructor(private readonly maxIdentities = MAX_CHECKED_IDENTITIES) {}
  private readonly summary: ImportCheckSummary = {
    totalRows: 0,
    importableRows: 0,
    refusedRows: 0,
    issues: [],
    profiles: { created: 0, merged: 0, changed: 0, unchanged: 0 },
    consentChanges: 0,
    events: { new: 0, alreadyImported: 0, droppedForConsent: 0 },
    orders: { completed: 0, refunded: 0, cancelled: 0, items: 0, revenue: {} },
    samples: [],
  };

  private find(profile: string): string {
    let p = profile;
    while (this.mergedInto.has(p)) p = this.mergedInto.get(p)!;
    return p;
  }

  /** Rows the import would refuse. */
  refuse(issues: ImportIssue[], rows: number) {
    this.summary.totalRows += rows;
    this.summary.refusedRows += rows;
    const room = MAX_REPORTED_ISSUES - this.summary.issues.length;
    if (room > 0) this.summary.issues.push(...issues.slice(0, room));
  }

  /** The identity keys of a chunk the check has not seen yet (to be looked up in the database). */
  unknownKeys(messages: MessageIdentities[]): IdentityKey[] {
    return [...new Set(messages.flatMap(keysOf))].filter((k) => !this.owner.has(k));
  }

  /** The stored profiles a chunk leads to, through `owners` (its identities found stored) and earlier chunks. */
  storedProfiles(messages: MessageIdentities[], owners: ReadonlyMap<IdentityKey, string>): string[] {
    const profiles = new Set<string>();
    for (const key of new Set(messages.flatMap(keysOf))) {
      const owner = this.owner.get(key) ?? owners.get(key);
      if (owner) profiles.add(this.find(owner));
    }
    return [...profiles].filter((p) => !p.startsWith("new:"));
  }

  /**
   * Applies one chunk of importable events (`rows`: how many lines of the file they are), with their
   * identities and what the database holds of them.
   */
  apply(events: NormalizedEvent[], messages: MessageIdentities[], rows: number, stored: StoredView) {
    this.summary.totalRows += rows;
    this.summary.importableRows += rows;
    for (const [key, profile] of stored.owners) if (!this.owner.has(key)) this.owner.set(key, profile);
    if (this.owner.size + messages.length * 4 > this.maxIdentities)
      throw new TooLargeToCheck(
        `the file has more than ${this.maxIdentities.toLocaleString("en-US")} distinct emails, phones and ids, more than a check holds: check it in parts (the import itself has no such limit)`,
      );
    for (const [profile, ids] of stored.userIdsOf)
      if (!this.userIds.has(profile)) this.userIds.set(profile, new Set(ids));
    const keys = [...new Set(messages.flatMap(keysOf))];
    const known = new Map<IdentityKey, string>();
    for (const key of keys) if (this.owner.has(key)) known.set(key, this.find(this.owner.get(key)!));
    const plan = planResolution(messages, known, this.userIds, () => `new:${++this.nextId}`);

    const stateOf = (id: string): ProfileState => {
      const base = this.samples.get(id)?.state ??
        stored.states.get(id) ?? { id, traits: {}, traitTimestamps: {}, consent: {} };
      return { ...base, consent: this.consent.get(id) ?? base.consent };
    };
    const states = new Map<string, ProfileState>();
    for (const id of new Set([...plan.profileOf, ...plan.merges.flatMap((m) => [m.survivorId, m.mergedId])]))
      states.set(id, stateOf(id));
    for (const id of plan.newProfiles) this.created.add(id);
    for (const identity of plan.newIdentities) {
      const key = identityKey(identity.type, identity.value);
      this.owner.set(key, identity.profileId);
      if (identity.type === "user_id")
        this.userIds.set(identity.profileId, (this.userIds.get(identity.profileId) ?? new Set()).add(identity.value));
    }
    for (const merge of plan.merges) {
      const [s, m] = [merge.survivorId, merge.mergedId];
      states.set(s, combineProfiles(states.get(s)!, states.get(m)!));
      this.mergedInto.set(m, s);
      this.userIds.set(s, new Set([...(this.userIds.get(s) ?? []), ...(this.userIds.get(m) ?? [])]));
      if (this.created.has(m)) this.created.delete(m);
      else this.mergedAway.add(m);
      if (!this.created.has(s)) this.changed.add(s);
      this.consent.delete(m);
    }

    const outcome = applyBatch(events, plan.profileOf, states, "import");
    this.summary.consentChanges += outcome.consentChanges.length;
    this.summary.events.droppedForConsent += outcome.dropped.length;
    for (const [id, after] of outcome.profiles) {
      this.touched.add(id);
      this.consent.set(id, after.consent);
      const before = stored.states.get(id);
      if (
        !this.created.has(id) &&
        before &&
        (!sameTraits(before.traits, after.traits) || !same(consentOf(before.consent), consentOf(after.consent)))
      )
        this.changed.add(id);
      this.sample(id, after, stored.states.get(id) ?? null, events, plan.profileOf);
    }
    for (const index of outcome.stored) {
      const event = events[index]!;
      if (stored.storedMessageIds.has(event.messageId) || this.messageIds.has(event.messageId)) {
        this.summary.events.alreadyImported += 1;
        continue;
      }
      this.messageIds.add(event.messageId);
      this.summary.events.new += 1;
      const orders = this.summary.orders;
      if (event.name === ORDER_EVENT) {
        orders.completed += 1;
        const currency = String(event.properties.currency ?? "");
        orders.revenue[currency] = Math.round(((orders.revenue[currency] ?? 0) + (event.revenue ?? 0)) * 100) / 100;
      } else if (event.name === REFUNDED_EVENT) orders.refunded += 1;
      else if (event.name === CANCELLED_EVENT) orders.cancelled += 1;
      else continue;
      const products = event.properties.products;
      if (Array.isArray(products)) orders.items += products.length;
    }
  }

  private sample(
    id: string,
    after: ProfileState,
    before: ProfileState | null,
    events: NormalizedEvent[],
    profileOf: string[],
  ) {
    const known = this.samples.get(id);
    if (known) {
      known.state = after;
      return;
    }
    if (this.samples.size >= SAMPLE_PROFILES) return;
    const event = events[profileOf.indexOf(id)];
    this.samples.set(id, {
      profileId: id.startsWith("new:") ? null : id,
      label: event?.email ?? event?.userId ?? event?.phone ?? "",
      status: "unchanged",
      before: before ? { traits: before.traits, consent: consentOf(before.consent) } : null,
      after: { traits: after.traits, consent: consentOf(after.consent) },
      state: after,
    });
  }

  /** What the import would do, once every chunk is applied. */
  result(): ImportCheckSummary {
    const alive = (id: string) => this.find(id) === id;
    const existing = [...this.touched].filter((id) => !this.created.has(id) && !this.mergedAway.has(id) && alive(id));
    const changed = existing.filter((id) => this.changed.has(id)).length;
    const samples = [...this.samples.entries()]
      .filter(([id]) => alive(id))
      .map(([id, { state, ...sample }]) => ({
        ...sample,
        status: this.created.has(id)
          ? ("created" as const)
          : this.changed.has(id)
            ? ("changed" as const)
            : ("unchanged" as const),
        after: { traits: state.traits, consent: consentOf(state.consent) },
      }));
    return {
      ...this.summary,
      profiles: {
        created: [...this.created].filter(alive).length,
        merged: this.mergedAway.size,
        changed,
        unchanged: existing.length - changed,
      },
      samples,
    };
  }
}
