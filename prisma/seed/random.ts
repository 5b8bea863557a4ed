// A small seeded PRNG (sfc32) and the draws the demo seeder needs. Everything
// the seeder produces comes from here, so one seed gives one data set.

/** A deterministic source of random draws; every helper consumes the same stream. */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. The array must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** exp(N(mu, sigma)): right-skewed, median e^mu. */
  lognormal(mu: number, sigma: number): number;
  /** Pareto(xm, alpha): heavy-tailed, minimum xm, mean alpha·xm/(alpha−1) for alpha > 1. */
  pareto(xm: number, alpha: number): number;
};

/** lowbias32 (Chris Wellons): a bijective avalanche of a 32-bit integer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of the given parts (FNV-1a over their text, then mixed). */
export function hash32(...parts: (string | number)[]): number {
  const text = parts.join("\u0001");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** A random source seeded with `seed`; the same seed always yields the same stream. */
export function createRandom(seed: number): Random {
  // splitmix32 expands the seed into sfc32's 128-bit state.
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    return mix32(s);
  };
  let a = split(),
    b = split(),
    c = split(),
    d = split();
  const uint32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32();
  const next = () => uint32() / 4294967296;
  const normal = () => {
    const u = 1 - next(); // (0, 1], so log(u) is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
    normal,
    lognormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    pareto: (xm, alpha) => xm / Math.pow(1 - next(), 1 / alpha),
  };
}

const base36 = (n: number, width: number) => n.toString(36).padStart(width, "0").slice(-width);

/**
 * A cuid-like id (25 chars, starts with "c") for the n-th row of a kind.
 * Stable for the same (prefix, n, seed); distinct n give distinct ids, since
 * n goes through a bijection of 32-bit integers (n < 2^32).
 */
export function idFrom(prefix: string, n: number, seed = 0): string {
  const key = hash32(seed, prefix);
  const unique = mix32((n ^ key) >>> 0);
  const noise1 = hash32(seed, prefix, n, 1);
  const noise2 = hash32(seed, prefix, n, 2);
  return `c${base36(noise1, 7)}${base36(unique, 7)}${base36(noise2, 7)}${base36((key ^ n) >>> 0, 3)}`;
}

/**
 * A UUID-shaped id (version 4 layout) whose last group encodes `code` (< 2^48)
 * through an xor with a per-seed key, so distinct codes give distinct ids.
 */
export function uuidFrom(random: Random, code: number, seed = 0): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width);
  const keyLo = hash32(seed, "uuid-lo"),
    keyHi = hash32(seed, "uuid-hi") & 0xffff;
  const lo = ((code % 4294967296) ^ keyLo) >>> 0;
  const hi = (Math.floor(code / 4294967296) ^ keyHi) & 0xffff;
  const a = random.uint32(),
    b = random.uint32();
  const variant = (8 + (b & 3)).toString(16);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b >>> 4, 3)}-${variant}${hex(a >>> 20, 3)}-${hex(hi, 4)}${hex(lo, 8)}`;
}
