/** A token bucket's state: tokens left, as of `at` (ms). */
export type Bucket = { tokens: number; at: number };

/**
 * Takes one token from a bucket that refills at `rate` tokens a second up to
 * `burst` (the classic token bucket, as in RFC 2697's committed burst: a
 * sustained rate with room for bursts). A new bucket starts full. When empty,
 * says how long until the next token. Pure: the bucket is returned changed
 * in place for the caller to keep.
 */
export function takeToken(
  bucket: Bucket | undefined,
  now: number,
  rate: number,
  burst: number,
): { allowed: boolean; bucket: Bucket; retryAfterMs: number } {
  const b = bucket ?? { tokens: burst, at: now };
  b.tokens = Math.min(burst, b.tokens + (Math.max(0, now - b.at) * rate) / 1_000);
  b.at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return { allowed: true, bucket: b, retryAfterMs: 0 };
  }
  return { allowed: false, bucket: b, retryAfterMs: Math.ceil(((1 - b.tokens) * 1_000) / rate) };
}
