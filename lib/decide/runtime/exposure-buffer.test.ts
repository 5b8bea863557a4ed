import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { exposureStats, flushExposures, recordExposures } from "./exposure-buffer";

const database = vi.hoisted(() => {
  // read as the module loads: the smallest byte bound allowed (1 MiB), and no timed flush during a test
  vi.stubEnv("EXPOSURE_BUFFER_MAX_BYTES", String(1024 * 1024));
  vi.stubEnv("EXPOSURE_FLUSH_MS", "600000");
  const database = { down: true, slow: null as Promise<void> | null };
  const reach = async () => {
    if (database.down) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    await database.slow;
  };
  return Object.assign(database, { reach });
});
vi.mock("@/lib/db/pg-pool", () => ({ pgPool: () => ({ query: database.reach }) }));
vi.mock("@/lib/db/copy-rows", () => ({ copyRows: database.reach }));

const placements = Array.from({ length: 20 }, (_, i) => ({ placementId: `placement-${i}`, variantId: `variant-${i}` }));
let visitors = 0;
/** A decision served to a new visitor (an anonymous id of `idLength` characters) in `placementCount` placements. */
const serve = (placementCount: number, idLength: number) => {
  const anonymousId = `${++visitors}-`.padEnd(idLength, "x");
  recordExposures({
    workspaceId: "w1",
    profileId: null,
    anonymousId,
    occurredAt: Date.now(),
    decisions: Object.fromEntries(placements.slice(0, placementCount).map((d) => [d.placementId, d])),
  });
  return anonymousId;
};
/** Serves new visitors until one is dropped; how many rows fit. */
function fill(placementCount: number, idLength: number): number {
  const dropped = exposureStats().dropped;
  while (exposureStats().dropped === dropped) serve(placementCount, idLength);
  return exposureStats().pending;
}

beforeEach(async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  database.down = false;
  await flushExposures();
  database.down = true;
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("the exposure buffer", () => {
  it("drops and counts new rows once EXPOSURE_BUFFER_MAX_BYTES of them wait, far below 100,000 rows", () => {
    const rows = fill(1, 36);
    expect(rows).toBeGreaterThan(1_400); // about 660 bytes a row
    expect(rows).toBeLessThan(1_700);
    const full = exposureStats();
    expect(full.pendingBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(full.pendingBytes).toBeGreaterThan(1024 * 1024 - 1_000);
    serve(1, 36);
    expect(exposureStats()).toMatchObject({ pending: rows, dropped: full.dropped + 1 });
  });

  it("counts bytes, not rows: rows of many placements and long ids fit fewer", async () => {
    const small = fill(1, 36);
    database.down = false;
    await flushExposures();
    database.down = true;
    expect(exposureStats()).toMatchObject({ pending: 0, pendingBytes: 0 });
    const large = fill(20, 200);
    expect(large).toBeLessThan(small / 1.8); // about 1,280 bytes a row
  });

  it("still adds impressions to a waiting row when full (they take no more memory), and frees the bytes once written", async () => {
    const visitor = serve(1, 36);
    fill(1, 36);
    const full = exposureStats();
    recordExposures({
      workspaceId: "w1",
      profileId: null,
      anonymousId: visitor,
      occurredAt: Date.now(),
      decisions: { [placements[0]!.placementId]: placements[0]! },
    });
    expect(exposureStats()).toMatchObject({ pending: full.pending, dropped: full.dropped });
    database.down = false;
    await flushExposures();
    expect(exposureStats()).toMatchObject({ pending: 0, pendingBytes: 0, written: full.written + full.pending + 1 });
  });

  it("keeps the rows of a failed write within the bound, dropping and counting what no longer fits", async () => {
    fill(1, 36);
    const full = exposureStats();
    await flushExposures(); // the database is down: the rows go back
    expect(exposureStats()).toMatchObject({ pending: full.pending, pendingBytes: full.pendingBytes });
    expect(exposureStats().dropped).toBe(full.dropped);
  });

  it("counts the rows of a write in progress as pending until they are written (what /readyz says)", async () => {
    for (let i = 0; i < 600; i++) serve(1, 36); // more than one COPY chunk
    const waiting = exposureStats();
    let release = () => {};
    database.slow = new Promise<void>((resolve) => (release = resolve));
    database.down = false;
    const flushing = flushExposures();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exposureStats()).toMatchObject({ pending: waiting.pending, written: waiting.written });
    release();
    database.slow = null;
    await flushing;
    expect(exposureStats()).toMatchObject({ pending: 0, written: waiting.written + 600 });
  });
});
