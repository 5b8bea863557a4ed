import { decide } from "../decide";
import { visitContextOf, type DecideBody } from "../request";
import { recordExposures } from "./exposure-buffer";
import { loadVisitor } from "./load-visitor";
import { getSnapshot } from "./snapshot-store";

/**
 * One decision request end to end: the workspace's snapshot (memory), the
 * visitor (one indexed query, none for a visitor without a profile), the
 * pure decision, and its exposures handed to the buffer (not awaited).
 */
export async function serveDecision(workspaceId: string, body: DecideBody, options: { countryHeader?: string | null; now?: number } = {}) {
  const now = options.now ?? Date.now();
  const snapshot = await getSnapshot(workspaceId);
  if (!snapshot) return { profileId: null, decisions: {}, unknownPlacements: body.placements };
  const visitor = await loadVisitor(workspaceId, { userId: body.userId, anonymousId: body.anonymousId }, snapshot.historyDays, now);
  const context = visitContextOf(body, { now, countryHeader: options.countryHeader, returning: (visitor.profile?.computed.sessions ?? 0) > 1 });
  const result = decide(snapshot, visitor, { placements: body.placements, context, traits: body.traits, now });
  const at = new Date(now);
  recordExposures(
    Object.entries(result.decisions).map(([key, d]) => ({
      workspaceId, profileId: visitor.profileId, anonymousId: visitor.profileId ? null : (body.anonymousId ?? null),
      placementId: snapshot.placements.get(key)!.id, variantId: d.variantId, occurredAt: at,
    })),
  );
  return { profileId: visitor.profileId, decisions: result.decisions, unknownPlacements: result.unknownPlacements };
}
