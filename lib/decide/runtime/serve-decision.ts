import { isConnectionError, noteDatabaseError, noteDatabaseOk, skipDatabase } from "@/lib/db/availability";
import { decide } from "../decide";
import { visitContextOf, type DecideBody } from "../request";
import type { Decision, ExperimentDecision, VisitorState } from "../types";
import { recordExposures } from "./exposure-buffer";
import { ANONYMOUS_VISITOR, loadVisitor } from "../db/load-visitor";
import { getSnapshot } from "./snapshot-store";
import { cachedVisitor, cacheVisitor } from "./visitor-cache";

const NO_DECISIONS: Readonly<Record<string, Decision>> = Object.freeze({});
const NO_EXPERIMENTS: Readonly<Record<string, ExperimentDecision>> = Object.freeze({});

/**
 * One decision request end to end: the workspace's snapshot (memory), the
 * visitor (memory, else one indexed query, none for a new anonymous visitor),
 * the pure decision, and its exposures handed to the buffer (not awaited).
 */
export async function serveDecision(
  workspaceId: string,
  body: DecideBody,
  options: {
    countryHeader?: string | null;
    now?: number;
    /** A marketer's preview link: this variation is shown, and nothing is recorded as an exposure. */
    preview?: { experimentId: string; variationId: string } | null;
  } = {},
) {
  const now = options.now ?? Date.now();
  const snapshot = await getSnapshot(workspaceId); // a first load while the database is down: the endpoint answers 503
  if (!snapshot)
    return {
      profileId: null,
      decisions: NO_DECISIONS,
      unknownPlacements: body.placements,
      experiments: NO_EXPERIMENTS,
    };
  const visitor = await readVisitor(workspaceId, body, snapshot.historyDays, now);
  const context = visitContextOf(body, {
    now,
    countryHeader: options.countryHeader,
    returning: (visitor.profile?.computed.sessions ?? 0) > 1,
  });
  const result = decide(snapshot, visitor, {
    placements: body.placements,
    experiments: body.experiments,
    ids: { anonymousId: body.anonymousId, userId: body.userId },
    forced: options.preview ?? null,
    context,
    traits: body.traits,
    now,
  });
  if (!options.preview)
    recordExposures({
      workspaceId,
      profileId: visitor.profileId,
      anonymousId: visitor.profileId ? null : (body.anonymousId ?? null),
      occurredAt: now,
      decisions: result.decisions,
      experiments: result.exposures,
      holdout: result.holdout,
      visit: { device: context.device, country: context.country, returning: context.visitor === "returning" },
    });
  return {
    profileId: visitor.profileId,
    decisions: result.decisions,
    unknownPlacements: result.unknownPlacements,
    experiments: result.experiments,
  };
}

/**
 * The visitor of a request. Nothing is read for a visitor without ids, or
 * whose anonymous id the client has just created (`newVisitor`). A recent
 * read is reused; an older one still serves while it is read again in the
 * background (so a burst of expiring entries never holds requests up), and
 * concurrent reads of one visitor share one query. When the database is
 * unreachable, a decision fails open: the last read of this visitor if any,
 * else an anonymous visitor, with the request's context still applied.
 */
async function readVisitor(
  workspaceId: string,
  body: DecideBody,
  historyDays: number,
  now: number,
): Promise<VisitorState> {
  const ids = { userId: body.userId, anonymousId: body.anonymousId };
  if (!ids.userId && (!ids.anonymousId || body.newVisitor)) return ANONYMOUS_VISITOR;
  const cached = cachedVisitor(workspaceId, ids);
  if (cached && !cached.expired) return cached.visitor;
  if (skipDatabase()) return cached?.visitor ?? ANONYMOUS_VISITOR;
  const reading = readOnce(workspaceId, ids, historyDays, now);
  if (cached) return cached.visitor;
  try {
    return await reading;
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return ANONYMOUS_VISITOR;
  }
}

const inFlight = new Map<string, Promise<VisitorState>>();

/** One query for a visitor at a time per process; the result goes to the cache. */
function readOnce(
  workspaceId: string,
  ids: { userId?: string; anonymousId?: string },
  historyDays: number,
  now: number,
): Promise<VisitorState> {
  const key = `${workspaceId}\u0000${ids.userId ?? ""}\u0000${ids.anonymousId ?? ""}`;
  let reading = inFlight.get(key);
  if (!reading) {
    const readAt = Date.now();
    reading = loadVisitor(workspaceId, ids, historyDays, now)
      .then((visitor) => {
        noteDatabaseOk();
        cacheVisitor(workspaceId, ids, visitor, readAt);
        return visitor;
      })
      .catch((error: unknown) => {
        if (!noteDatabaseError(error))
          console.error("[decide] reading a visitor failed:", error instanceof Error ? error.message : error);
        throw error;
      })
      .finally(() => inFlight.delete(key));
    reading.catch(() => undefined); // a background refresh's failure is logged above
    inFlight.set(key, reading);
  }
  return reading;
}
