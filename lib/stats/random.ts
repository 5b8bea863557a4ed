/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a 32-bit seeded PRNG, state a ← a + 0x6D2B79F5 then an xorshift-multiply output mix,
 * period 2³². Source: Tommy Ettinger's public-domain mulberry32 (2017), as collected in
 * bryc/code "PRNGs" (github.com/bryc/code/blob/master/jshash/PRNGs.md). Good enough for
 * Monte-Carlo tests and Thompson sampling; not for cryptography. The same seed gives the same stream.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Normal draws from uniform ones by the Box–Muller transform: with U₁ ∈ (0, 1], U₂ ∈ [0, 1),
 * R = √(−2 ln U₁), Z₁ = R cos 2πU₂ and Z₂ = R sin 2πU₂ are independent N(0, 1); the second is kept
 * for the next call. Returns mean + sd·Z. Source: Box & Muller, "A Note on the Generation of Random
 * Normal Deviates", Ann. Math. Statist. 29 (1958) 610–611.
 */
export function normalSampler(rng: Rng): (mean?: number, sd?: number) => number {
  let spare: number | null = null;
  return (mean = 0, sd = 1) => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return mean + sd * z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const theta = 2 * Math.PI * rng();
    spare = r * Math.sin(theta);
    return mean + sd * r * Math.cos(theta);
  };
}

/** A Bernoulli(p) draw: 1 when U < p, else 0 (inverse-CDF method). */
export function bernoulli(rng: Rng, p: number): 0 | 1 {
  return rng() < p ? 1 : 0;
}
