import { ApiError } from "@/lib/api/errors";
import { config } from "@/lib/config/config";
import { noteDatabaseError, noteDatabaseOk } from "@/lib/db/availability";
import { publish } from "@/lib/signals/bus";
import type { NormalizedEvent } from "../normalize";
import { ingestEvents, type IngestWorkspace } from "./ingest";

/**
 * The decision server's ingest: accepted events wait here, in memory, and
 * are stored moments later in batches (identity resolution and all, as the
 * app stores them). When the database is unreachable they keep waiting and
 * are written once it is back; retries are harmless (messageId). The buffer
 * is bounded: past EVENT_BUFFER_MAX waiting events or EVENT_BUFFER_MAX_BYTES
 * of them, new ones are refused with 503 (so senders retry; Segment's
 * libraries do), counted and logged, never acknowledged and then lost.
 *
 * An event's bytes are the length of its JSON, measured once as it is
 * buffered (a few µs for a small event, some 50 µs for one of 32 KB; the
 * request's own length is not known to a sink, and normalizing changed it).
 * In memory an event takes about that to twice that (measured on Node 20:
 * 1.6 times for a 500-byte event, 1.0 for a 30 KB one).
 */
const { EVENT_BUFFER_MAX: MAX_BUFFERED, EVENT_BUFFER_MAX_BYTES: MAX_BYTES } = config();
const FLUSH_MS = 200;
const FLUSH_AT = 500;
const MAX_PER_WRITE = 2_000;
const RETRY_MS = 1_000;

/** One request's events, and their size as JSON. */
type Entry = { workspace: IngestWorkspace; events: NormalizedEvent[]; bytes: number };
type Stats = { accepted: number; stored: number; duplicates: number; refused: number; failed: number };
type Buffer = {
  pending: Entry[];
  count: number;
  bytes: number;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  warnedAt: number;
  stats: Stats;
};

const globalForBuffer = globalThis as unknown as { eventBuffer?: Buffer };
const buffer = (globalForBuffer.eventBuffer ??= {
  pending: [],
  count: 0,
  bytes: 0,
  timer: null,
  flushing: null,
  warnedAt: 0,
  stats: { accepted: 0, stored: 0, duplicates: 0, refused: 0, failed: 0 },
});

/**
 * Takes events for storage shortly after; refuses them (503) when the buffer is full, by count or by bytes (an empty
 * buffer takes any one request, so that none is refused for ever).
 */
export function bufferEvents(workspace: IngestWorkspace, events: NormalizedEvent[]): { queued: number } {
  const bytes = JSON.stringify(events).length;
  if (buffer.count + events.length > MAX_BUFFERED || (buffer.count > 0 && buffer.bytes + bytes > MAX_BYTES)) {
    buffer.stats.refused += events.length;
    if (Date.now() - buffer.warnedAt >= 10_000) {
      buffer.warnedAt = Date.now();
      console.warn(
        `[events] buffer full (${buffer.count} waiting, ${buffer.bytes} bytes): ${buffer.stats.refused} events refused so far`,
      );
    }
    throw new ApiError(
      "unavailable",
      "Events cannot be stored right now (the database is unreachable and the buffer is full); retry shortly",
    );
  }
  buffer.pending.push({ workspace, events, bytes });
  buffer.count += events.length;
  buffer.bytes += bytes;
  buffer.stats.accepted += events.length;
  publish("eventsBuffered", { workspaceId: workspace.id, visitors: events });
  if (buffer.count >= FLUSH_AT) void flushEvents();
  else schedule(FLUSH_MS);
  return { queued: events.length };
}

function schedule(ms: number): void {
  if (buffer.timer || buffer.count === 0) return;
  buffer.timer = setTimeout(() => {
    buffer.timer = null;
    void flushEvents();
  }, ms);
  buffer.timer.unref();
}

/** The oldest waiting events of one workspace, in order, up to MAX_PER_WRITE (at least one entry). */
function takeChunk(): Entry[] {
  const workspaceId = buffer.pending[0]!.workspace.id;
  const chunk: Entry[] = [];
  let size = 0;
  buffer.pending = buffer.pending.filter((entry) => {
    if (entry.workspace.id !== workspaceId || (chunk.length > 0 && size + entry.events.length > MAX_PER_WRITE))
      return true;
    chunk.push(entry);
    size += entry.events.length;
    return false;
  });
  return chunk;
}

async function write(entries: Entry[]): Promise<void> {
  const result = await ingestEvents(
    entries[0]!.workspace,
    entries.flatMap((e) => e.events),
  );
  buffer.count -= result.received;
  for (const entry of entries) buffer.bytes -= entry.bytes;
  buffer.stats.stored += result.stored;
  buffer.stats.duplicates += result.duplicates;
  noteDatabaseOk();
}

/**
 * Writes what waits, chunk by chunk. On a connection failure the chunk goes
 * back in front and the flush is retried later; a chunk refused for another
 * reason is written entry by entry, so that one bad request loses only its
 * own events (counted and logged as failed).
 */
export async function flushEvents(): Promise<void> {
  while (buffer.flushing) await buffer.flushing;
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  buffer.flushing = (async () => {
    while (buffer.pending.length > 0) {
      const chunk = takeChunk();
      try {
        await write(chunk);
      } catch (error) {
        if (noteDatabaseError(error)) {
          buffer.pending.unshift(...chunk);
          schedule(RETRY_MS);
          return;
        }
        if (!(await writeOneByOne(chunk))) return;
      }
    }
  })();
  try {
    await buffer.flushing;
  } finally {
    buffer.flushing = null;
  }
}

async function writeOneByOne(chunk: Entry[]): Promise<boolean> {
  for (const [i, entry] of chunk.entries()) {
    try {
      await write([entry]);
    } catch (error) {
      if (noteDatabaseError(error)) {
        buffer.pending.unshift(...chunk.slice(i));
        schedule(RETRY_MS);
        return false;
      }
      buffer.count -= entry.events.length;
      buffer.bytes -= entry.bytes;
      buffer.stats.failed += entry.events.length;
      console.error(
        `[events] ${entry.events.length} events could not be stored and were dropped:`,
        error instanceof Error ? error.message : error,
      );
    }
  }
  return true;
}

/** Waiting events and their bytes, the limits of both, and cumulative counts, for /readyz and the tests. */
export const eventBufferStats = () => ({
  waiting: buffer.count,
  limit: MAX_BUFFERED,
  waitingBytes: buffer.bytes,
  limitBytes: MAX_BYTES,
  ...buffer.stats,
});

/** Keeps flushing until nothing waits or `ms` have passed (shutdown); logs what could not be written. */
export async function drainEvents(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    await flushEvents();
    if (buffer.count === 0) return;
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(
    `[events] ${buffer.count} buffered events could not be written before shutdown (the database is unreachable)`,
  );
}
