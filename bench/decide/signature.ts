// A client key's signed user id, checked in memory: what verifying a userHash adds to a decision.
import { trustedUserId, userHash, type CallerTrust } from "@/lib/identity/signed-user-id";

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
