/** A slice [start, end) of a layer's traffic. */
export type Slice = { start: number; end: number };

/**
 * The first free slice of `share` of a layer's traffic, given the slices the
 * layer's other live experiments hold (in any order), or null when no gap is
 * wide enough. Slices never move once given, so an experiment ending frees
 * its slice without moving anyone else's units.
 */
export function freeSlice(taken: readonly Slice[], share: number): Slice | null {
  const EPS = 1e-9;
  const sorted = [...taken].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const s of sorted) {
    if (s.start - cursor + EPS >= share) break;
    cursor = Math.max(cursor, s.end);
  }
  return cursor + share <= 1 + EPS ? { start: cursor, end: Math.min(1, cursor + share) } : null;
}
