import { noteDatabaseError } from "@/lib/db/availability";
import { DAY_MS } from "@/lib/time";
import { addIdentityChecks } from "../db/add-identity-checks";
import type { IdentityCheck } from "../signed-user-id";

/**
 * Counts of client-key calls that named a userId, with a valid userHash or
 * without, per workspace and UTC day, gathered in memory (a decision writes
 * nothing on its path) and added to `identity_check_days` every FLUSH_MS.
 * The dashboard shows the unverified ones before a marketer requires
 * signatures. At most one entry per workspace and day is held; a failed
 * write is kept and added to the next one.
 */
const FLUSH_MS = 10_000;

type Counts = { verified: number; unverified: number };
const globalForChecks = globalThis as unknown as {
  identityChecks?: { pending: Map<string, Counts>; timer: NodeJS.Timeout | null; flushing: Promise<void> | null };
};
const state = (globalForChecks.identityChecks ??= { pending: new Map(), timer: null, flushing: null });

const SEPARATOR = "\u0000";

/** Counts one call of a workspace (at `now`, ms) by what its userId counted as. */
export function noteIdentityCheck(workspaceId: string, check: IdentityCheck, now = Date.now()): void {
  const key = workspaceId + SEPARATOR + Math.floor(now / DAY_MS); // the UTC day's number: no date string per call
  let counts = state.pending.get(key);
  if (!counts) state.pending.set(key, (counts = { verified: 0, unverified: 0 }));
  counts[check] += 1;
  if (!state.timer) {
    state.timer = setTimeout(() => void flushIdentityChecks(), FLUSH_MS);
    state.timer.unref();
  }
}

/** Writes the counts gathered so far (also at shutdown and in tests). */
export async function flushIdentityChecks(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  await state.flushing;
  if (state.pending.size === 0) return;
  const taken = [...state.pending];
  state.pending.clear();
  state.flushing = addIdentityChecks(
    taken.map(([key, counts]) => {
      const [workspaceId, dayNumber] = key.split(SEPARATOR) as [string, string];
      return { workspaceId, day: new Date(Number(dayNumber) * DAY_MS).toISOString().slice(0, 10), ...counts };
    }),
  )
    .catch((error: unknown) => {
      for (const [key, counts] of taken) {
        const now = state.pending.get(key) ?? { verified: 0, unverified: 0 };
        state.pending.set(key, {
          verified: now.verified + counts.verified,
          unverified: now.unverified + counts.unverified,
        });
      }
      if (!noteDatabaseError(error))
        console.error("[identity] writing identity checks failed:", error instanceof Error ? error.message : error);
    })
    .finally(() => {
      state.flushing = null;
    });
  await state.flushing;
}
