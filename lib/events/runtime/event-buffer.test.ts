import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { NormalizedEvent } from "../normalize";
import { bufferEvents, eventBufferStats, flushEvents } from "./event-buffer";

const database = vi.hoisted(() => {
  vi.stubEnv("EVENT_BUFFER_MAX_BYTES", String(1024 * 1024)); // the smallest allowed: 1 MiB (read as the module loads)
  return { down: true };
});
vi.mock("./ingest", () => ({
  ingestEvents: async (_workspace: unknown, events: unknown[]) => {
    if (database.down) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    return { received: events.length, stored: events.length, duplicates: 0, droppedForConsent: 0, profiles: [] };
  },
}));

const workspace = { id: "w1", identitySalt: "salt" };
let sent = 0;
/** A track event carrying about `size` bytes of properties. */
const event = (size: number): NormalizedEvent => ({
  type: "track",
  name: "Product Viewed",
  messageId: `m-${++sent}`,
  occurredAt: new Date(),
  properties: { description: "x".repeat(size) },
  context: {},
  traits: null,
  anonymousId: `a-${sent}`,
  consent: null,
  revenue: null,
});
const refusal = (events: NormalizedEvent[]) => {
  try {
    bufferEvents(workspace, events);
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.code : error;
  }
};

beforeEach(async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  database.down = false;
  await flushEvents();
  database.down = true;
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("the event buffer", () => {
  it("refuses events with 503 once EVENT_BUFFER_MAX_BYTES of them wait, far below EVENT_BUFFER_MAX, and takes them again once written", async () => {
    let taken = 0;
    while (refusal([event(30_000)]) === null) taken += 1;
    const full = eventBufferStats();
    expect(taken).toBe(34); // 34 events of 30 KB fit in 1 MiB, the 35th does not
    expect(full).toMatchObject({ waiting: 34, refused: 1, limitBytes: 1024 * 1024 });
    expect(full.waiting).toBeLessThan(full.limit);
    expect(full.waitingBytes).toBeGreaterThan(34 * 30_000);
    expect(full.waitingBytes).toBeLessThanOrEqual(full.limitBytes);
    expect(refusal([event(30_000)])).toBe("unavailable");
    expect(refusal([event(10)])).toBeNull(); // a small one still fits
    expect(eventBufferStats().refused).toBe(2);

    database.down = false;
    await flushEvents();
    expect(eventBufferStats()).toMatchObject({ waiting: 0, waitingBytes: 0, stored: full.stored + 35 });
    expect(refusal([event(30_000)])).toBeNull();
  });

  it("takes any one request into an empty buffer, so that none is refused for ever", () => {
    expect(eventBufferStats().waiting).toBe(0);
    const refusedBefore = eventBufferStats().refused;
    expect(refusal(Array.from({ length: 40 }, () => event(30_000)))).toBeNull(); // 1.2 MB
    expect(eventBufferStats().waitingBytes).toBeGreaterThan(1024 * 1024);
    expect(refusal([event(10)])).toBe("unavailable");
    expect(eventBufferStats().refused).toBe(refusedBefore + 1);
  });
});
