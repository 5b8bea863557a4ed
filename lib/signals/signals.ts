/** Who is named in an event: the decision side keys what it caches about a visitor by these. */
export type VisitorIds = { userId?: string; anonymousId?: string };

/**
 * What one domain tells the others has happened, by name, with its payload.
 * Published after the fact (a commit, a buffer's acceptance), never before;
 * the payload is plain data.
 */
export type Signals = {
  /** Events were committed to Postgres: these profiles got them, these visitors sent them. */
  eventsStored: { workspaceId: string; profileIds: readonly string[]; visitors: readonly VisitorIds[] };
  /** Identity resolution merged profiles (committed): each merged one's events, identities and consent now belong to its survivor. */
  profilesMerged: { workspaceId: string; merges: readonly { survivorId: string; mergedId: string }[] };
  /** A person's data was erased (privacy, issue 19): processes forget what they hold of these profiles and visitors. */
  profileErased: { workspaceId: string; profileIds: readonly string[]; visitors: readonly VisitorIds[] };
  /** A decision server accepted events into its buffer: they are stored moments later (then `eventsStored`). */
  eventsBuffered: { workspaceId: string; visitors: readonly VisitorIds[] };
  /** A workspace's decision configuration (segments, placements, experiences) changed and committed; `version` is its new number. */
  configChanged: { workspaceId: string; version: number };
  /** A workspace's keys or their allowed origins changed and committed. */
  keysChanged: { workspaceId: string };
};

export type SignalName = keyof Signals;
