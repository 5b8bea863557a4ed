import { noteDatabaseError, noteDatabaseOk } from "@/lib/db/availability";
import { pgPool } from "@/lib/db/pg-pool";

/** One served decision, as the exposures table keeps it. */
export type Exposure = { workspaceId: string; profileId: string | null; anonymousId: string | null; placementId: string; variantId: string; occurredAt: Date };

/** Buffered exposures are written every this many ms, or sooner when this many wait. */
const FLUSH_MS = 1_000;
const FLUSH_AT = 500;
/** Beyond this many waiting (the database is slow or down), new exposures are dropped and counted. */
const MAX_BUFFERED = 100_000;

type Buffer = { pending: Exposure[]; timer: NodeJS.Timeout | null; flushing: Promise<void> | null; dropped: number; written: number };
const globalForBuffer = globalThis as unknown as { exposureBuffer?: Buffer };
const buffer = (globalForBuffer.exposureBuffer ??= { pending: [], timer: null, flushing: null, dropped: 0, written: 0 });

/**
 * Records served decisions without waiting for the database: they are
 * written in batches shortly after, off the request's path. The buffer is
 * bounded; what does not fit is dropped and counted (see exposureStats).
 */
export function recordExposures(exposures: Exposure[]): void {
  const room = MAX_BUFFERED - buffer.pending.length;
  if (room < exposures.length) {
    buffer.dropped += exposures.length - Math.max(room, 0);
    if (buffer.dropped % 1_000 < exposures.length) console.warn(`[decide] exposure buffer full: ${buffer.dropped} exposures dropped so far`);
  }
  if (room > 0) buffer.pending.push(...exposures.slice(0, room));
  if (buffer.pending.length >= FLUSH_AT) void flushExposures();
  else if (!buffer.timer && buffer.pending.length > 0) {
    buffer.timer = setTimeout(() => void flushExposures(), FLUSH_MS);
    buffer.timer.unref();
  }
}

/** Writes everything buffered now (also at shutdown); a failed batch goes back to the buffer. */
export async function flushExposures(): Promise<void> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  while (buffer.flushing) await buffer.flushing;
  if (buffer.pending.length === 0) return;
  const batch = buffer.pending.splice(0, buffer.pending.length);
  buffer.flushing = (async () => {
    try {
      await pgPool().query(
        `INSERT INTO exposures (workspace_id, profile_id, anonymous_id, placement_id, variant_id, occurred_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
        [batch.map((e) => e.workspaceId), batch.map((e) => e.profileId), batch.map((e) => e.anonymousId), batch.map((e) => e.placementId), batch.map((e) => e.variantId), batch.map((e) => e.occurredAt.toISOString())],
      );
      buffer.written += batch.length;
      noteDatabaseOk();
    } catch (error) {
      if (!noteDatabaseError(error)) console.error("[decide] writing exposures failed, will retry:", error instanceof Error ? error.message : error);
      buffer.pending.unshift(...batch.slice(0, MAX_BUFFERED - buffer.pending.length));
      if (!buffer.timer) {
        buffer.timer = setTimeout(() => void flushExposures(), FLUSH_MS);
        buffer.timer.unref();
      }
    } finally {
      buffer.flushing = null;
    }
  })();
  await buffer.flushing;
}

export const exposureStats = () => ({ pending: buffer.pending.length, written: buffer.written, dropped: buffer.dropped });
