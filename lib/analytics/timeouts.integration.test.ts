import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runWorkspaceQuery } from "@/lib/actions/query-client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { breakdownDef } from "./actions/breakdown";
import { contentDef } from "./actions/content";
import { funnelDef } from "./actions/funnel";
import { liftDef } from "./actions/lift";
import { overviewDef } from "./actions/overview";

// the product's 30 s is too long to wait for here; a locked table holds any statement as long as it likes
vi.mock("./db/timeout", () => ({ ANALYTICS_TIMEOUT_MS: 200, analyticsTimeoutMs: () => 200 }));
vi.mock("@/lib/auth/session", () => ({ currentUserId: async () => null }));

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;

beforeAll(async () => {
  ws = await createTestWorkspace("Analytics timeouts", ["viewer"]);
});
afterAll(() => closePgPool());

/** Holds an exclusive lock on the events and exposures tables from another connection while `work` runs. */
async function whileLocked<T>(work: () => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("LOCK TABLE events, exposures IN ACCESS EXCLUSIVE MODE");
    return await work();
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

describe("a dashboard read past its statement timeout", () => {
  it("is refused with what to do, for every read, and answers again once the table is free", async () => {
    const ask = (def: Parameters<typeof runWorkspaceQuery>[0], input: object) =>
      runWorkspaceQuery(def, ws.member("viewer").userId, { workspaceId: ws.workspace.id, preset: "90d", ...input });
    const funnel = { steps: [{ eventName: "Product Viewed" }, { eventName: "Order Completed" }] };
    const reads: [Parameters<typeof runWorkspaceQuery>[0], object][] = [
      [overviewDef, {}],
      [liftDef, {}],
      [breakdownDef, { by: "device" }],
      [contentDef, {}],
      [funnelDef, funnel],
    ];
    await whileLocked(async () => {
      for (const [def, input] of reads)
        expect(await ask(def, input), def.name).toMatchObject({
          ok: false,
          error: { code: "invalid_input", message: expect.stringContaining("took longer than 200 ms and was stopped") },
        });
    });
    expect(await ask(overviewDef, {})).toMatchObject({ ok: true, data: { figures: { visitors: 0 } } });
  });
});
