import { noteDatabaseError, noteDatabaseOk } from "@/lib/db/availability";
import { copyRows } from "@/lib/db/copy-rows";
import { pgPool } from "@/lib/db/pg-pool";

/** One served decision, as the exposures table keeps it. */
export type Exposure = { workspaceId: string; profileId: string | null; anonymousId: string | null; placementId: string; variantId: string; occurredAt: Date };
type Row = Exposure & { impressions: number };

/** Buffered exposures are written every this many ms, or sooner when this many distinct rows wait. */
const FLUSH_MS = Number(process.env.EXPOSURE_FLUSH_MS ?? 1_000);
const FLUSH_AT = 5_000;
/** Beyond this many distinct rows waiting (the database is slow or down), new exposures are dropped and counted. */
const MAX_BUFFERED = 100_000;
const WRITE_CHUNK = 1_000;
const COLUMNS = ["workspace_id", "profile_id", "anonymous_id", "placement_id", "variant_id", "occurred_at", "impressions"];

/** Waiting rows by visitor (one lookup per decision; a visitor has a few rows, found by a scan). */
type Pending = Map<string, Row[]>;
type Buffer = { pending: Pending; rows: number; timer: NodeJS.Timeout | null; flushing: Promise<void> | null; dropped: number; warnedAt: number; written: number };
const globalForBuffer = globalThis as unknown as { exposureBuffer?: Buffer };
const buffer = (globalForBuffer.exposureBuffer ??= { pending: new Map(), rows: 0, timer: null, flushing: null, dropped: 0, warnedAt: 0, written: 0 });

const visitorKey = (e: Pick<Exposure, "workspaceId" | "profileId" | "anonymousId">) => `${e.workspaceId}\u0000${e.profileId ?? ""}\u0000${e.anonymousId ?? ""}`;

/**
 * Adds to the waiting rows: the same visitor served the same variant again
 * before a write is one row with more impressions. False when a new row does
 * not fit.
 */
function add(visitorRows: Row[] | undefined, visitor: string, row: Row): boolean {
  let rows: Row[] | undefined = visitorRows ?? buffer.pending.get(visitor);
  for (const same of rows ?? []) {
    if (same.placementId !== row.placementId || same.variantId !== row.variantId) continue;
    same.impressions += row.impressions;
    if (row.occurredAt < same.occurredAt) same.occurredAt = row.occurredAt;
    return true;
  }
  if (buffer.rows >= MAX_BUFFERED) return false;
  if (!rows) buffer.pending.set(visitor, (rows = []));
  rows.push(row);
  buffer.rows += 1;
  return true;
}

/** Counts exposures that did not fit, and says so at most every 10 s. */
function noteDropped(n: number): void {
  buffer.dropped += n;
  if (Date.now() - buffer.warnedAt < 10_000) return;
  buffer.warnedAt = Date.now();
  console.warn(`[decide] exposure buffer full (${buffer.rows} rows waiting): ${buffer.dropped} exposures dropped so far`);
}

function schedule(): void {
  if (buffer.timer || buffer.rows === 0) return;
  buffer.timer = setTimeout(() => void flushExposures(), FLUSH_MS);
  buffer.timer.unref();
}

/**
 * Records served decisions without waiting for the database: they are
 * written in batches shortly after, off the request's path. The buffer is
 * bounded; what does not fit is dropped and counted (see exposureStats).
 */
export function recordExposures(visitor: Pick<Exposure, "workspaceId" | "profileId" | "anonymousId" | "occurredAt">, served: { placementId: string; variantId: string }[]): void {
  const key = visitorKey(visitor);
  const rows = buffer.pending.get(key);
  let dropped = 0;
  for (const { placementId, variantId } of served) {
    if (!add(rows, key, { workspaceId: visitor.workspaceId, profileId: visitor.profileId, anonymousId: visitor.anonymousId, occurredAt: visitor.occurredAt, placementId, variantId, impressions: 1 })) dropped += 1;
  }
  if (dropped > 0) noteDropped(dropped);
  if (buffer.rows >= FLUSH_AT) void flushExposures();
  else schedule();
}

/** Writes everything buffered now (also at shutdown); a failed batch goes back to the buffer. */
export async function flushExposures(): Promise<void> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  while (buffer.flushing) await buffer.flushing;
  if (buffer.rows === 0) return;
  const batch = [...buffer.pending.values()].flat();
  buffer.pending = new Map();
  buffer.rows = 0;
  buffer.flushing = (async () => {
    // COPY in chunks of WRITE_CHUNK rows: each one's preparation is a short pause of the event loop, not one long one
    for (let i = 0; i < batch.length; i += WRITE_CHUNK) {
      const chunk = batch.slice(i, i + WRITE_CHUNK);
      try {
        await copyRows(pgPool(), "exposures", COLUMNS, chunk.map((e) => [e.workspaceId, e.profileId, e.anonymousId, e.placementId, e.variantId, e.occurredAt.toISOString(), e.impressions]));
        buffer.written += chunk.reduce((n, e) => n + e.impressions, 0);
        noteDatabaseOk();
      } catch (error) {
        if (!noteDatabaseError(error)) console.error("[decide] writing exposures failed, will retry:", error instanceof Error ? error.message : error);
        let lost = 0;
        for (const row of batch.slice(i)) if (!add(undefined, visitorKey(row), row)) lost += row.impressions;
        if (lost > 0) noteDropped(lost);
        schedule();
        return;
      }
    }
  })();
  try {
    await buffer.flushing;
  } finally {
    buffer.flushing = null;
  }
}

/** Distinct rows waiting, and impressions written and dropped so far. */
export const exposureStats = () => ({ pending: buffer.rows, written: buffer.written, dropped: buffer.dropped });
