import { describe, expect, it } from "vitest";
import { takeToken, type Bucket } from "./token-bucket";

describe("takeToken", () => {
  it("lets a burst through at once, then the rate", () => {
    let bucket: Bucket | undefined;
    const at = (now: number) => {
      const r = takeToken(bucket, now, 10, 20);
      bucket = r.bucket;
      return r;
    };
    const burst = Array.from({ length: 25 }, () => at(0).allowed);
    expect(burst.filter(Boolean)).toHaveLength(20);
    expect(at(0)).toMatchObject({ allowed: false, retryAfterMs: 100 }); // one token every 100 ms at 10/s
    expect(at(100).allowed).toBe(true);
    expect(at(100).allowed).toBe(false);
    // a quiet second refills 10 tokens, never past the burst
    expect(Array.from({ length: 12 }, () => at(1_100).allowed).filter(Boolean)).toHaveLength(10);
    expect(Array.from({ length: 30 }, () => at(60_000).allowed).filter(Boolean)).toHaveLength(20);
  });

  it("does not refill from a clock that went back", () => {
    const first = takeToken(undefined, 1_000, 1, 1);
    expect(takeToken(first.bucket, 500, 1, 1).allowed).toBe(false);
  });
});
