/** A stored event as the segment interpreters read it. */
export type SegmentEvent = { name: string; occurredAt: number; properties: Record<string, unknown> };

/** The profile values conditions of type `computed` read (times in ms since the epoch). */
export type ComputedValues = {
  orders: number;
  /** Exact decimal, as stored (numeric(14,2)): "1234.50". */
  revenue: string | number;
  sessions: number;
  eventCount: number;
  firstSeenAt: number | null;
  lastSeenAt: number | null;
  lastOrderAt: number | null;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
};

/**
 * Everything `evaluate` knows of one profile: plain data, no I/O. `events`
 * must hold every event the rule's windows can see (the decision API loads
 * the profile's events within the widest window its segments use).
 */
export type ProfileState = {
  traits: Record<string, unknown>;
  computed: ComputedValues;
  events: readonly SegmentEvent[];
  /** Ids of the static segments the profile belongs to. */
  staticSegments: ReadonlySet<string>;
};

/** The state of a visitor the platform knows nothing of yet (no traits, no events, nothing computed). */
export const EMPTY_PROFILE: ProfileState = {
  traits: {},
  computed: {
    orders: 0,
    revenue: "0",
    sessions: 0,
    eventCount: 0,
    firstSeenAt: null,
    lastSeenAt: null,
    lastOrderAt: null,
    rfmRecency: null,
    rfmFrequency: null,
    rfmMonetary: null,
  },
  events: [],
  staticSegments: new Set(),
};

/** What a request knows of the visit; conditions of type `context` read it. */
export type VisitContext = {
  url?: string;
  path?: string;
  referrer?: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  /** desktop | mobile | tablet */
  device?: string;
  /** ISO 3166-1 alpha-2 */
  country?: string;
  /** 0–23 in the visitor's time zone */
  localHour?: number;
  /** monday … sunday in the visitor's time zone */
  weekday?: string;
  visitor?: "new" | "returning";
};

/** A saved segment as other rules refer to it. */
export type SegmentRef = { kind: "dynamic" | "static"; rule: import("./schema").RuleGroup };

export type EvaluateOptions = {
  /** ms since the epoch; windows and "days since" are measured from it. */
  now: number;
  /**
   * The visit, or null when there is none (counts, previews, member lists):
   * context conditions then count as matched, exactly as `toSql` ignores them.
   */
  context: VisitContext | null;
  /** The workspace's segments by id, for membership conditions. */
  segments: ReadonlyMap<string, SegmentRef>;
};
