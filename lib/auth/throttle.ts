/**
 * How repeated failed sign-ins slow down, per account and per address
 * (the shape OWASP's authentication cheat sheet recommends: a growing delay,
 * then a temporary lockout, both ending by themselves). Pure: a counter's
 * state and the time in, the verdict and the next state out.
 */
export type ThrottlePolicy = {
  /** Failures allowed at full speed. */
  free: number;
  /** Then each further failure makes the next attempt wait twice as long, from this. */
  firstDelayMs: number;
  /** At this many failures the key is locked for lockMs. */
  lockAt: number;
  lockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
};

/** Per account (an email): a person mistyping gets four tries at full speed. */
export const THROTTLE: ThrottlePolicy = {
  free: 4,
  firstDelayMs: 1_000,
  lockAt: 10,
  lockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

/** Per address: looser, since an office or a mobile network shares one, but bounding a spray over many accounts. */
export const ADDRESS_THROTTLE: ThrottlePolicy = { ...THROTTLE, free: 20, lockAt: 50 };

export type ThrottleState = { failures: number; lastFailureAt: number; blockedUntil: number };

/** Whether an attempt may be made now; when not, how many ms to wait. */
export function throttleVerdict(
  state: ThrottleState | null,
  now: number,
): { allowed: true } | { allowed: false; waitMs: number } {
  if (!state || now >= state.blockedUntil) return { allowed: true };
  return { allowed: false, waitMs: state.blockedUntil - now };
}

/** The state after one more failure at `now`: the delay doubles past `free`, and a lockout at `lockAt`. */
export function afterFailure(
  state: ThrottleState | null,
  now: number,
  policy: ThrottlePolicy = THROTTLE,
): ThrottleState {
  const fresh = !state || now - state.lastFailureAt > policy.windowMs;
  const failures = (fresh ? 0 : state.failures) + 1;
  let blockedUntil = 0;
  if (failures >= policy.lockAt) blockedUntil = now + policy.lockMs;
  else if (failures > policy.free) blockedUntil = now + policy.firstDelayMs * 2 ** (failures - policy.free - 1);
  return { failures, lastFailureAt: now, blockedUntil };
}

/** Whether this failure is the one that locks the key (for the audit log). */
export const justLocked = (state: ThrottleState, policy: ThrottlePolicy = THROTTLE) => state.failures === policy.lockAt;

/** "in 8 seconds", "in 15 minutes": how a refusal says when to come back. */
export function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1_000);
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
