import { recomputeWorkspaceSegments } from "../db/recompute-segment";

/**
 * Profiles whose events just arrived, by workspace: their memberships of
 * dynamic segments are refreshed together shortly after (one statement per
 * segment for all of them), off the ingest request's path.
 */
const globalForQueue = globalThis as unknown as {
  segmentRefresh?: { pending: Map<string, Set<string>>; timer: NodeJS.Timeout | null; running: Promise<void> | null };
};
const queue = (globalForQueue.segmentRefresh ??= { pending: new Map(), timer: null, running: null });

/** How long profiles wait so that one batch's followers are refreshed together. */
const DELAY_MS = 250;
/** The longest rest between two refreshes under load. */
const COOL_DOWN_MS = 2_000;
/** At most this many profiles in one refresh statement. */
const CHUNK = 5_000;

export function queueMembershipRefresh(workspaceId: string, profileIds: readonly string[]): void {
  if (profileIds.length === 0) return;
  const set = queue.pending.get(workspaceId) ?? new Set<string>();
  for (const id of profileIds) set.add(id);
  queue.pending.set(workspaceId, set);
  if (!queue.timer) {
    queue.timer = setTimeout(() => void flushMembershipRefresh(), DELAY_MS);
    queue.timer.unref();
  }
}

/** Refreshes everything queued now (also used by tests and at shutdown). */
export async function flushMembershipRefresh(): Promise<void> {
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  await queue.running;
  const work = [...queue.pending];
  queue.pending.clear();
  queue.running = (async () => {
    const started = Date.now();
    for (const [workspaceId, ids] of work) {
      const all = [...ids];
      for (let i = 0; i < all.length; i += CHUNK) {
        await recomputeWorkspaceSegments(workspaceId, all.slice(i, i + CHUNK)).catch((error: unknown) =>
          console.error("[segments] membership refresh failed:", error instanceof Error ? error.message : error),
        );
      }
    }
    // under a stream of events, rest as long as the refresh took (up to COOL_DOWN_MS): refreshing then takes at most
    // half of one connection's time, the events keep the rest, and the next refresh gathers more profiles per statement
    const took = Date.now() - started;
    if (took > DELAY_MS && queue.pending.size > 0)
      await new Promise((r) => setTimeout(r, Math.min(took, COOL_DOWN_MS)));
  })();
  await queue.running;
  queue.running = null;
}
