import { config } from "@/lib/config/config";
import { noteDatabaseError, noteDatabaseOk } from "@/lib/db/availability";
import { copyRows } from "@/lib/db/copy-rows";
import { pgPool } from "@/lib/db/pg-pool";
import type { Decision, ExperimentExposure } from "../types";
import { writeAssignments, type NewAssignment } from "../db/write-assignments";
import { countImpressions, SLICE } from "./exposure-counts";

/** One served answer: who, when (ms), and the decisions as decide() made them (each names its placement and variant). */
export type ServedDecision = {
  workspaceId: string;
  profileId: string | null;
  anonymousId: string | null;
  occurredAt: number;
  decisions: Readonly<Record<string, Pick<Decision, "placementId" | "variantId">>>;
  /** The experiments it enrolled the visitor in (new assignments among them are stored). */
  experiments?: readonly ExperimentExposure[];
  /** The visitor is in the global holdout. */
  holdout?: boolean;
  /** What the request said of the visitor, kept with new assignments (the results' dimension breakdown). */
  visit?: { device?: string; country?: string; returning?: boolean };
};
/**
 * One served answer as the exposures table keeps it: the variant served in each placement, position by position;
 * `counted` once its impressions are in the day counts.
 */
type Row = Omit<ServedDecision, "decisions" | "experiments" | "holdout"> & {
  placementIds: readonly string[];
  variantIds: readonly string[];
  experimentIds: readonly string[];
  variationIds: readonly string[];
  holdout: boolean;
  impressions: number;
  counted: boolean;
};

/** Buffered exposures are written every this many ms, or sooner when this many distinct rows wait. */
const FLUSH_MS = config().EXPOSURE_FLUSH_MS;
const FLUSH_AT = 5_000;
/**
 * Beyond this many distinct rows waiting (the database is slow or down), or this many bytes of them (estimated by
 * rowBytes), new exposures are dropped and counted.
 */
const MAX_BUFFERED = 100_000;
const MAX_BYTES = config().EXPOSURE_BUFFER_MAX_BYTES;
const COLUMNS = [
  "workspace_id",
  "profile_id",
  "anonymous_id",
  "placement_ids",
  "variant_ids",
  "experiment_ids",
  "variation_ids",
  "holdout",
  "occurred_at",
  "impressions",
];
/** Beyond this many new assignments waiting, more are dropped (and counted): the hash gives the same arm again next time. */
const MAX_ASSIGNMENTS = 100_000;

/**
 * What a waiting row holds of the heap, estimated from what varies (measured on Node 20: 685 bytes for a row of one
 * placement with a 36-character anonymous id, 1,262 for twenty placements and a 200-character one): the row, its two
 * arrays, its visitor's key and map slot; the visitor's ids; a reference to a placement's and a variant's id per
 * placement (those strings are the snapshot's, shared).
 */
const rowBytes = (row: Row) =>
  600 +
  (row.profileId?.length ?? 0) +
  (row.anonymousId?.length ?? 0) +
  24 * row.placementIds.length +
  24 * row.experimentIds.length;
/** An assignment's bytes waiting: the object, its key and map slot, and the unit id (twice: in the key and the object). */
const assignmentBytes = (a: NewAssignment) => 360 + 2 * a.unitId.length;

/** Waiting rows by visitor (one lookup per decision; a visitor has a few rows, found by a scan). */
type Pending = Map<string, Row[]>;
type Buffer = {
  pending: Pending;
  assignments: Map<string, NewAssignment>;
  rows: number;
  bytes: number;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  /** Rows and new assignments taken by the flush in progress and not yet written, dropped or put back. */
  inFlight: number;
  inFlightAssignments: number;
  dropped: number;
  droppedAssignments: number;
  warnedAt: number;
  written: number;
  writtenAssignments: number;
};
const globalForBuffer = globalThis as unknown as { exposureBuffer?: Buffer };
const buffer = (globalForBuffer.exposureBuffer ??= {
  pending: new Map(),
  assignments: new Map(),
  rows: 0,
  bytes: 0,
  timer: null,
  flushing: null,
  inFlight: 0,
  inFlightAssignments: 0,
  dropped: 0,
  droppedAssignments: 0,
  warnedAt: 0,
  written: 0,
  writtenAssignments: 0,
});

const visitorKey = (e: Pick<ServedDecision, "workspaceId" | "profileId" | "anonymousId">) =>
  `${e.workspaceId}\u0000${e.profileId ?? ""}\u0000${e.anonymousId ?? ""}`;

/** The same variants in the same placements (a variant belongs to one placement). */
function sameVariants(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Adds to the waiting rows: the same visitor served the same decision again
 * before a write is one row with more impressions (taking no more memory).
 * False when a new row does not fit.
 */
function add(visitorRows: Row[] | undefined, visitor: string, row: Row): boolean {
  let rows: Row[] | undefined = visitorRows ?? buffer.pending.get(visitor);
  for (const same of rows ?? []) {
    if (
      same.counted !== row.counted ||
      same.holdout !== row.holdout ||
      !sameVariants(same.variantIds, row.variantIds) ||
      !sameVariants(same.variationIds, row.variationIds)
    )
      continue;
    same.impressions += row.impressions;
    if (row.occurredAt < same.occurredAt) same.occurredAt = row.occurredAt;
    return true;
  }
  const bytes = rowBytes(row);
  if (buffer.rows >= MAX_BUFFERED || buffer.bytes + bytes > MAX_BYTES) return false;
  if (!rows) buffer.pending.set(visitor, (rows = []));
  rows.push(row);
  buffer.rows += 1;
  buffer.bytes += bytes;
  return true;
}

/** Counts exposures that did not fit, and says so at most every 10 s. */
function noteDropped(n: number): void {
  buffer.dropped += n;
  if (Date.now() - buffer.warnedAt < 10_000) return;
  buffer.warnedAt = Date.now();
  console.warn(
    `[decide] exposure buffer full (${buffer.rows} rows waiting, about ${buffer.bytes} bytes): ${buffer.dropped} exposures dropped so far`,
  );
}

function schedule(): void {
  if (buffer.timer || (buffer.rows === 0 && buffer.assignments.size === 0)) return;
  buffer.timer = setTimeout(() => void flushExposures(), FLUSH_MS);
  buffer.timer.unref();
}

/**
 * Records a served decision without waiting for the database: it is written
 * in batches shortly after, off the request's path, as one row for all its
 * placements, and added to the per-placement day counts. The buffer is
 * bounded; what does not fit is dropped and counted (see exposureStats).
 */
export function recordExposures(served: ServedDecision): void {
  const placementIds: string[] = [];
  const variantIds: string[] = [];
  for (const key in served.decisions) {
    placementIds.push(served.decisions[key]!.placementId);
    variantIds.push(served.decisions[key]!.variantId);
  }
  const experiments = served.experiments ?? [];
  if (variantIds.length === 0 && experiments.length === 0) return;
  const key = visitorKey(served);
  const { workspaceId, profileId, anonymousId, occurredAt } = served;
  const row: Row = {
    workspaceId,
    profileId,
    anonymousId,
    occurredAt,
    placementIds,
    variantIds,
    experimentIds: experiments.length === 0 ? NONE : experiments.map((e) => e.experimentId),
    variationIds: experiments.length === 0 ? NONE : experiments.map((e) => e.variationId),
    holdout: served.holdout ?? false,
    impressions: 1,
    counted: false,
  };
  if (!add(buffer.pending.get(key), key, row)) noteDropped(1);
  const visit = {
    device: served.visit?.device ?? null,
    country: served.visit?.country ?? null,
    returning: served.visit?.returning ?? null,
  };
  for (const e of experiments) if (e.hashed) addAssignment({ workspaceId, assignedAt: occurredAt, ...visit, ...e });
  if (buffer.rows >= FLUSH_AT) void flushExposures();
  else schedule();
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Assignments this process wrote lately (their keys, oldest first): a visitor whose cached state was read before
 * its assignment was stored is hashed again for a few seconds, and need not be written again.
 */
const written = new Set<string>();
const MAX_WRITTEN = 50_000; // about 8 MB of keys at most
function noteWritten(keys: readonly string[]): void {
  for (const key of keys) {
    written.delete(key);
    written.add(key);
  }
  if (written.size > MAX_WRITTEN) {
    let excess = written.size - MAX_WRITTEN;
    for (const key of written) {
      if (excess-- <= 0) break;
      written.delete(key);
    }
  }
}
const assignmentKey = (e: NewAssignment) => `${e.workspaceId}\u0000${e.experimentId}\u0000${e.phase}\u0000${e.unitId}`;

/** Keeps a unit's first assignment in an experiment's phase until the next write (the earliest of several). */
function addAssignment(e: NewAssignment): void {
  const key = assignmentKey(e);
  if (written.has(key)) return;
  const waiting = buffer.assignments.get(key);
  if (waiting) {
    if (e.assignedAt < waiting.assignedAt) waiting.assignedAt = e.assignedAt;
    return;
  }
  const assignment: NewAssignment = {
    workspaceId: e.workspaceId,
    experimentId: e.experimentId,
    unitId: e.unitId,
    phase: e.phase,
    variationId: e.variationId,
    assignedAt: e.assignedAt,
    device: e.device,
    country: e.country,
    returning: e.returning,
  };
  const bytes = assignmentBytes(assignment);
  if (buffer.assignments.size >= MAX_ASSIGNMENTS || buffer.bytes + bytes > MAX_BYTES) {
    buffer.droppedAssignments += 1;
    return;
  }
  buffer.assignments.set(key, assignment);
  buffer.bytes += bytes;
  schedule();
}

/** Puts rows whose write failed back in the buffer (what no longer fits is dropped and counted). */
function requeue(rows: readonly Row[]): void {
  let lost = 0;
  for (const row of rows) if (!add(undefined, visitorKey(row), row)) lost += row.impressions;
  if (lost > 0) noteDropped(lost);
  schedule();
}

/**
 * Writes everything buffered now (also at shutdown): first the day counts,
 * then the rows. What fails because the database cannot be reached goes back
 * to the buffer; what Postgres refuses is logged and not tried again (the
 * rows counted as dropped).
 */
export async function flushExposures(): Promise<void> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  while (buffer.flushing) await buffer.flushing;
  if (buffer.rows === 0 && buffer.assignments.size === 0) return;
  const batch = [...buffer.pending.values()].flat();
  const assignments = [...buffer.assignments.values()];
  buffer.pending = new Map();
  buffer.assignments = new Map();
  buffer.rows = 0;
  buffer.bytes = 0;
  buffer.inFlight = batch.length;
  buffer.inFlightAssignments = assignments.length;
  buffer.flushing = (async () => {
    if (assignments.length > 0) {
      try {
        await writeAssignments(assignments);
        buffer.writtenAssignments += assignments.length;
        buffer.inFlightAssignments = 0;
        noteWritten(assignments.map(assignmentKey));
      } catch (error) {
        if (noteDatabaseError(error)) {
          buffer.inFlight = 0;
          buffer.inFlightAssignments = 0;
          for (const a of assignments) addAssignment(a);
          requeue(batch);
          return;
        }
        console.error(
          `[decide] writing ${assignments.length} assignments failed; they are dropped (the hash gives the same arms again):`,
          error instanceof Error ? error.message : error,
        );
        buffer.droppedAssignments += assignments.length;
        buffer.inFlightAssignments = 0;
      }
    }
    const uncounted = batch.filter((row) => !row.counted);
    try {
      if (uncounted.length > 0) await countImpressions(uncounted);
      noteDatabaseOk();
    } catch (error) {
      if (noteDatabaseError(error)) {
        buffer.inFlight = 0;
        requeue(batch);
        return;
      }
      // refused by Postgres itself: counting again would fail again; the rows are still written
      console.error(
        `[decide] counting the impressions of ${uncounted.length} decisions failed; they are not counted:`,
        error instanceof Error ? error.message : error,
      );
    }
    for (const row of uncounted) row.counted = true;
    // COPY in chunks of SLICE rows: each one's preparation is a short pause of the event loop, not one long one
    for (let i = 0; i < batch.length; i += SLICE) {
      const chunk = batch.slice(i, i + SLICE);
      try {
        await copyRows(
          pgPool(),
          "exposures",
          COLUMNS,
          chunk.map((e) => [
            e.workspaceId,
            e.profileId,
            e.anonymousId,
            e.placementIds,
            e.variantIds,
            e.experimentIds,
            e.variationIds,
            e.holdout ? "t" : "f",
            new Date(e.occurredAt).toISOString(),
            e.impressions,
          ]),
        );
        buffer.written += chunk.reduce((n, e) => n + e.impressions, 0);
        buffer.inFlight -= chunk.length;
        noteDatabaseOk();
      } catch (error) {
        if (noteDatabaseError(error)) {
          buffer.inFlight = 0;
          requeue(batch.slice(i)); // counted already: their impressions are not counted again
          return;
        }
        // refused by Postgres itself: writing these rows again would fail again and hold the buffer forever
        console.error(
          `[decide] writing ${chunk.length} exposure rows failed; they are dropped:`,
          error instanceof Error ? error.message : error,
        );
        noteDropped(chunk.reduce((n, e) => n + e.impressions, 0));
        buffer.inFlight -= chunk.length;
      }
    }
  })();
  try {
    await buffer.flushing;
  } finally {
    // what was put back is pending again, in the buffer
    buffer.inFlight = 0;
    buffer.inFlightAssignments = 0;
    buffer.flushing = null;
  }
}

/**
 * Distinct rows and new assignments not yet written (waiting, or in the flush in progress) and the waiting ones'
 * estimated bytes, and what was written and dropped so far.
 */
export const exposureStats = () => ({
  pending: buffer.rows + buffer.inFlight,
  pendingAssignments: buffer.assignments.size + buffer.inFlightAssignments,
  pendingBytes: buffer.bytes,
  written: buffer.written,
  dropped: buffer.dropped,
  writtenAssignments: buffer.writtenAssignments,
  droppedAssignments: buffer.droppedAssignments,
});
