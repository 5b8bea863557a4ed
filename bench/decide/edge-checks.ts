// What the edge's checks add to a decision, in memory: verifying a client key's userHash, and the key's rate limit.
import { checkRateLimit, resetRateLimits } from "@/lib/api/rate-limit";
import { trustedUserId, userHash, type CallerTrust } from "@/lib/identity/signed-user-id";

/** Median of three rounds of `n` calls of `once`, in µs per call. */
function medianUs(n: number, once: (i: number) => void): number {
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) once(i);
    rounds.push(Number(process.hrtime.bigint() - started) / 1_000 / n);
  }
  return rounds.sort((a, b) => a - b)[1]!;
}

/** Microseconds per rate-limit check of an authenticated key (one token taken from its bucket). */
export function measureRateLimit(): number {
  resetRateLimits();
  const callers = Array.from({ length: 4 }, (_, i) => ({
    apiKeyId: `key-${i}`,
    workspace: { apiRateLimit: 1_000_000_000 } as Parameters<typeof checkRateLimit>[0]["workspace"],
  }));
  const us = medianUs(1_000_000, (i) => checkRateLimit(callers[i % callers.length]!));
  resetRateLimits();
  return us;
}

/** Microseconds per check of a valid userHash (the median of three rounds of 100,000). */
export function measureSignatureCheck(): number {
  const secret = "is_benchmarkIdentitySecret0000000000000000";
  const trust: CallerTrust = { kind: "browser", requireSignedUserIds: true, secrets: [{ secret, expiresAt: null }] };
  const claims = Array.from({ length: 500 }, (_, i) => {
    const userId = `user_${100_000 + i}`;
    return { userId, userHash: userHash(secret, userId) };
  });
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    const n = 100_000;
    const started = process.hrtime.bigint();
    let verified = 0;
    for (let i = 0; i < n; i++)
      if (trustedUserId(trust, claims[i % claims.length]!, 0).check === "verified") verified++;
    if (verified !== n) throw new Error("a valid userHash did not verify");
    rounds.push(Number(process.hrtime.bigint() - started) / 1_000 / n);
  }
  return rounds.sort((a, b) => a - b)[1]!;
}
