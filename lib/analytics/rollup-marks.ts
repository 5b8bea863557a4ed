import { z } from "zod";

/**
 * How long a write may take between inserting an event and committing it and still be rolled up by the
 * incremental passes: each pass reads again every event id allocated since the pass that ran this long before
 * it (re-rolling a key is harmless), because ids are allocated at insert and a slower transaction may commit
 * ids lower than ones already seen. A write slower than this is repaired by `npm run rollups:rebuild`.
 */
export const ROLLUP_LOOKBACK_MS = 10 * 60_000;

/** Per pass, when it started and the largest event id it had seen (ids up to it were read then). */
export const rollupMarksSchema = z.array(z.object({ at: z.iso.datetime(), maxId: z.string().regex(/^\d+$/) }));
export type RollupMarks = z.infer<typeof rollupMarksSchema>;

/**
 * The event id after which a pass starting at `now` reads: the largest id seen by the newest pass that started at
 * least `lookbackMs` before (every id at or below it was committed or dead by then, given the lookback's bound);
 * the oldest mark's when none is that old yet, "0" when there is none.
 */
export function readFloor(marks: RollupMarks, now: Date, lookbackMs = ROLLUP_LOOKBACK_MS): string {
  const cutoff = now.getTime() - lookbackMs;
  let floor: string | null = null;
  for (const mark of marks) if (Date.parse(mark.at) <= cutoff) floor = mark.maxId;
  return floor ?? marks[0]?.maxId ?? "0";
}

/**
 * The marks after a pass that started at `now` having seen ids up to `maxId`: that mark added (ids never go
 * back: the previous largest when it saw fewer), keeping the ones younger than the lookback and the newest
 * older one (which readFloor needs).
 */
export function nextMarks(marks: RollupMarks, now: Date, maxId: string, lookbackMs = ROLLUP_LOOKBACK_MS): RollupMarks {
  const previous = marks.at(-1)?.maxId ?? "0";
  const seen = BigInt(maxId) > BigInt(previous) ? maxId : previous;
  const all = [...marks, { at: now.toISOString(), maxId: seen }];
  const cutoff = now.getTime() - lookbackMs;
  const lastOld = all.findLastIndex((m) => Date.parse(m.at) <= cutoff);
  return all.slice(Math.max(0, lastOld));
}
