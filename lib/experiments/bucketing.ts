/**
 * Deterministic bucketing, the scheme GrowthBook publishes (its SDK spec
 * 0.8.0, whose language-agnostic test cases the tests run), so that an
 * experiment's assignments can be reproduced outside the product from the
 * seed and the unit id alone. Pure.
 */

/** 32-bit FNV-1a over the string's UTF-16 code units (Fowler–Noll–Vo, as GrowthBook's SDKs compute it). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash += (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24);
  }
  return hash >>> 0;
}

/**
 * A unit's position in [0, 1) for a seed. Version 2 (for variations):
 * `fnv1a32(String(fnv1a32(seed + value))) % 10000 / 10000`, hashing twice so
 * that similar seeds do not give correlated buckets; version 1 (namespaces,
 * and older experiments): `fnv1a32(value + seed) % 1000 / 1000`. Null for an
 * unknown version.
 */
export function hash(seed: string, value: string, version: number): number | null {
  if (version === 2) return (fnv1a32(String(fnv1a32(seed + value))) % 10_000) / 10_000;
  if (version === 1) return (fnv1a32(value + seed) % 1_000) / 1_000;
  return null;
}

/** `n` equal weights summing to 1 (none for n ≤ 0). */
export function getEqualWeights(n: number): number[] {
  return n <= 0 ? [] : Array.from({ length: n }, () => 1 / n);
}

/**
 * Each variation's range of bucket positions: laid out from the cumulative
 * weights, each range starting where its weight starts and covering
 * `coverage` of it. Lowering coverage shortens every range from its end,
 * so units that stay in the experiment keep their variation. Coverage is
 * clamped to [0, 1]; weights that do not match the variations in number,
 * or do not sum to 1 (within 0.01), are replaced by equal ones.
 */
export function getBucketRange(
  numVariations: number,
  coverage: number,
  weights?: readonly number[] | null,
): [number, number][] {
  const clamped = Math.min(1, Math.max(0, coverage));
  const equal = getEqualWeights(numVariations);
  let chosen: readonly number[] = weights && weights.length === numVariations ? weights : equal;
  const total = chosen.reduce((sum, w) => sum + w, 0);
  if (total < 0.99 || total > 1.01) chosen = equal;
  let cumulative = 0;
  return chosen.map((weight) => {
    const start = cumulative;
    cumulative += weight;
    return [start, start + clamped * weight];
  });
}

/** The variation whose range holds the bucket position, or -1 (the unit is outside the experiment's coverage). */
export function chooseVariation(position: number, ranges: readonly (readonly [number, number])[]): number {
  for (let i = 0; i < ranges.length; i++) if (position >= ranges[i]![0] && position < ranges[i]![1]) return i;
  return -1;
}

/** Whether a unit falls in a namespace's slice [start, end) (version 1 of "__" + the namespace's id). */
export function inNamespace(unitId: string, namespace: readonly [id: string, start: number, end: number]): boolean {
  const position = hash(`__${namespace[0]}`, unitId, 1);
  return position !== null && position >= namespace[1] && position < namespace[2];
}
