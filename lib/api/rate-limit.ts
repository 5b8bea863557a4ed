import { ApiError } from "./errors";
import type { ApiCaller } from "./api-key-auth";
import { takeToken, type Bucket } from "./token-bucket";

/**
 * Every key has a limit: its workspace's `apiRateLimit` requests a second,
 * with twice that as burst, counted in this process (each decision server
 * enforces the same limit for the traffic it sees, so N servers behind a
 * balancer allow N times it in all). Past it: 429 with Retry-After. The
 * buckets are kept per key id (only keys that authenticated reach here), at
 * most MAX_BUCKETS of them, the oldest dropped first (a dropped bucket starts
 * full again: a key gets at most its burst more).
 */
const MAX_BUCKETS = 10_000;

const globalForLimits = globalThis as unknown as { apiRateBuckets?: Map<string, Bucket> };
const buckets = (globalForLimits.apiRateBuckets ??= new Map());

/** Takes one request from the caller's key's bucket, or refuses it with 429. */
export function checkRateLimit(caller: Pick<ApiCaller, "apiKeyId" | "workspace">, now = Date.now()): void {
  const rate = caller.workspace.apiRateLimit;
  const existing = buckets.get(caller.apiKeyId);
  const { allowed, bucket, retryAfterMs } = takeToken(existing, now, rate, rate * 2);
  if (!existing) {
    if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
    buckets.set(caller.apiKeyId, bucket);
  }
  if (!allowed)
    throw new ApiError(
      "rate_limited",
      `This key is over its limit of ${rate} requests a second; retry after the time in Retry-After`,
      undefined,
      Math.max(1, Math.ceil(retryAfterMs / 1_000)),
    );
}

/** Forgets every bucket (tests). */
export function resetRateLimits(): void {
  buckets.clear();
}
