import { recordAudit } from "@/lib/audit/db/record-audit";
import { config } from "@/lib/config/config";
import { db } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/identity/normalize";
import {
  ADDRESS_THROTTLE,
  afterFailure,
  justLocked,
  THROTTLE,
  throttleVerdict,
  type ThrottlePolicy,
  type ThrottleState,
} from "./throttle";
import { clientAddress } from "./client-address";

/** The counters a sign-in attempt is held to: its account, and the address it came from. */
export function throttleKeys(email: string, address: string | null): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `account:${normalizeEmail(email)}`, policy: THROTTLE },
    ...(address ? [{ key: `address:${address}`, policy: ADDRESS_THROTTLE }] : []),
  ];
}

const stateOf = (row: { failures: number; lastFailureAt: Date; blockedUntil: Date }): ThrottleState => ({
  failures: row.failures,
  lastFailureAt: row.lastFailureAt.getTime(),
  blockedUntil: row.blockedUntil.getTime(),
});

/** How long an attempt with these keys must still wait (0: it may go ahead). */
export async function throttleWait(keys: { key: string }[], now = Date.now()): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  return Math.max(
    0,
    ...rows.map((r) => {
      const verdict = throttleVerdict(stateOf(r), now);
      return verdict.allowed ? 0 : verdict.waitMs;
    }),
  );
}

/** When this process last deleted counters that no longer hold anything back. */
const globalForPrune = globalThis as unknown as { signInThrottlePrunedAt?: number };
const PRUNE_EVERY_MS = 60_000;

/**
 * Deletes counters past their window and their block, at most once a minute
 * per process: failures for made-up emails and forged addresses would
 * otherwise leave one row each, for ever.
 */
async function pruneExpired(now: number): Promise<void> {
  if (now - (globalForPrune.signInThrottlePrunedAt ?? 0) < PRUNE_EVERY_MS) return;
  globalForPrune.signInThrottlePrunedAt = now;
  const windowMs = Math.max(THROTTLE.windowMs, ADDRESS_THROTTLE.windowMs);
  await db.signInThrottle.deleteMany({
    where: { lastFailureAt: { lt: new Date(now - windowMs) }, blockedUntil: { lt: new Date(now) } },
  });
}

/**
 * Counts a failed attempt against each key (one transaction, the rows
 * locked, so concurrent attempts count one by one). An account that just
 * got locked is recorded in the audit log of each of its workspaces.
 */
export async function recordSignInFailure(
  email: string,
  keys: { key: string; policy: ThrottlePolicy }[],
  now = Date.now(),
): Promise<void> {
  await pruneExpired(now);
  const locked = await db.$transaction(async (tx) => {
    const lockedKeys: string[] = [];
    for (const { key, policy } of keys) {
      const rows = await tx.$queryRaw<{ failures: number; last_failure_at: Date; blocked_until: Date }[]>`
        SELECT failures, last_failure_at, blocked_until FROM sign_in_throttles WHERE key = ${key} FOR UPDATE`;
      const previous = rows[0]
        ? stateOf({
            failures: rows[0].failures,
            lastFailureAt: rows[0].last_failure_at,
            blockedUntil: rows[0].blocked_until,
          })
        : null;
      const next = afterFailure(previous, now, policy);
      const data = {
        failures: next.failures,
        lastFailureAt: new Date(next.lastFailureAt),
        blockedUntil: new Date(next.blockedUntil),
      };
      await tx.signInThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
      if (justLocked(next, policy)) lockedKeys.push(key);
    }
    return lockedKeys;
  });
  if (locked.length === 0) return;
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, memberships: { select: { workspaceId: true } } },
  });
  if (!user) return; // an unknown email: nothing of a workspace to record it in
  for (const { workspaceId } of user.memberships)
    await recordAudit(db, workspaceId, { kind: "system", id: null }, [
      {
        action: "auth.sign_in_locked",
        targetType: "user",
        targetId: user.id,
        after: { locked: locked.map((k) => k.split(":")[0]), minutes: THROTTLE.lockMs / 60_000 },
      },
    ]);
}

/** A successful sign-in clears its account's counter (not its address's: a spray from it still counts). */
export async function clearSignInFailures(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `account:${normalizeEmail(email)}` } });
}

/**
 * The address a request came from, as lib/auth/client-address.ts reads it
 * (the connection's peer, or the entry that the TRUSTED_PROXY_HOPS proxies in
 * front of the app wrote; never one a client chose); null without one.
 */
export function requestAddress(header: (name: string) => string | null): string | null {
  return clientAddress(header, config().TRUSTED_PROXY_HOPS);
}
