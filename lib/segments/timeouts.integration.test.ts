import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { runWorkspaceQuery } from "@/lib/actions/query-client";
import { db } from "@/lib/db/client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { GET as exportRoute } from "@/app/(dashboard)/w/[workspace]/segments/[segmentId]/export/route";
import { freezeSegmentDef } from "./actions/freeze-segment";
import { recomputeSegmentDef } from "./actions/recompute-segment";
import { segmentPreviewDef } from "./actions/preview-segment";
import { saveSegmentDef } from "./actions/save-segment";
import { membersWithoutMarketingConsent } from "./db/export-members";
import { recomputeSegment, recomputeWorkspaceSegments } from "./db/recompute-segment";
import { loadSegmentRefs } from "./db/load-segment-refs";
import { SegmentQueryTimeout } from "./db/with-statement-timeout";
import type { Condition, RuleGroup } from "./schema";

/**
 * The statement timeouts, forced. The product's own limits (5 s for a preview, 60 s for a recompute or an export
 * page) are too long to wait for in a test, so the previews and exports that the action and the route run are
 * given SHORT_MS instead where a test asks (through the timeout parameter each takes, whose default is the
 * product's); the slow rule below takes about ten times longer on this data, and a table locked by another
 * connection holds any statement for as long as it likes.
 */
const SHORT_MS = 200;
/** The timeouts the mocked previewRule and exportMembersCsv pass on; undefined, the product's own. */
const limits = vi.hoisted(() => ({
  previewMs: undefined as number | undefined,
  exportMs: undefined as number | undefined,
  recomputeMs: undefined as number | undefined,
}));
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/session", () => ({ currentUserId: async () => session.userId }));
vi.mock("./db/preview-rule", async (importOriginal) => {
  const real = await importOriginal<typeof import("./db/preview-rule")>();
  const previewRule: typeof real.previewRule = (workspaceId, rule, refs) =>
    real.previewRule(workspaceId, rule, refs, limits.previewMs);
  return { ...real, previewRule };
});
vi.mock("./db/recompute-segment", async (importOriginal) => {
  const real = await importOriginal<typeof import("./db/recompute-segment")>();
  const recomputeSegment: typeof real.recomputeSegment = (workspaceId, segmentId, rule, refs, profileIds, timeoutMs) =>
    real.recomputeSegment(workspaceId, segmentId, rule, refs, profileIds, timeoutMs ?? limits.recomputeMs);
  return { ...real, recomputeSegment };
});
vi.mock("./db/export-members", async (importOriginal) => {
  const real = await importOriginal<typeof import("./db/export-members")>();
  const exportMembersCsv: typeof real.exportMembersCsv = (workspaceId, segmentId) =>
    real.exportMembersCsv(workspaceId, segmentId, limits.exportMs);
  return { ...real, exportMembersCsv };
});

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let editor: string;
const PROFILES = 2_000;
const EVENTS = 20_000;

afterAll(() => closePgPool());

const rule = (children: RuleGroup["children"]): RuleGroup => ({
  type: "group",
  id: "root",
  combinator: "and",
  children,
});
/** As in issue 14: a viewer's preview of 60 distinct counts took 4.8 s on 5,000 profiles; 50 are allowed. */
const slowRule = rule(
  Array.from({ length: 50 }, (_, i): Condition => ({
    type: "aggregate",
    id: `c${i}`,
    event: "Product Viewed",
    filters: [],
    fn: "count_distinct",
    property: "sku",
    op: "gte",
    value: 1 + (i % 3),
    window: { kind: "ever" },
  })),
);
const quickRule = rule([{ type: "trait", id: "t", key: "country", valueType: "string", op: "equals", value: "DE" }]);

/** Holds an exclusive lock on `table` from another connection while `work` runs (every statement on it waits). */
async function whileLocked<T>(table: "profiles" | "segment_memberships", work: () => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    return await work();
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

beforeAll(async () => {
  ws = await createTestWorkspace("Timeouts", ["editor", "viewer"]);
  editor = ws.member("editor").userId;
  const id = ws.workspace.id;
  await pgPool().query(
    `INSERT INTO profiles (id, workspace_id, traits, consent, first_seen_at, last_seen_at, updated_at)
     SELECT $1 || '-p' || g, $1, '{}', '{"marketing": {"granted": true}}', now(), now(), now() FROM generate_series(1, ${PROFILES}) g`,
    [id],
  );
  await pgPool().query(
    `INSERT INTO events (workspace_id, profile_id, type, name, properties, message_id, occurred_at)
     SELECT $1, $1 || '-p' || (1 + g % ${PROFILES}), 'track', 'Product Viewed', jsonb_build_object('sku', 'sku-' || (g % 101)), 'm' || g, now() - g * interval '1 second'
     FROM generate_series(1, ${EVENTS}) g`,
    [id],
  );
  await pgPool().query("ANALYZE profiles; ANALYZE events");
}, 60_000);

describe("expensive segment reads are bounded by a statement timeout", () => {
  it("a preview that runs past it is a message on the rule, not an error; given time, the same rule is counted", async () => {
    const preview = (previewMs: number) => {
      limits.previewMs = previewMs;
      return runWorkspaceQuery(segmentPreviewDef, ws.member("viewer").userId, {
        workspaceId: ws.workspace.id,
        rule: slowRule,
      });
    };
    expect(await preview(SHORT_MS)).toEqual({
      ok: true,
      data: {
        valid: false,
        issues: [
          {
            path: [],
            message:
              "This rule takes too long to count on this workspace's data: narrow it (fewer conditions, shorter windows)",
          },
        ],
      },
    });
    expect(await preview(60_000)).toMatchObject({ ok: true, data: { valid: true, total: PROFILES } });
  });

  it("a recompute that runs past it changes nothing, and the other segments of the workspace are still recomputed", async () => {
    const slow = await db.segment.create({
      data: { workspaceId: ws.workspace.id, name: "Slow", kind: "dynamic", rules: slowRule as object },
    });
    const quick = await db.segment.create({
      data: { workspaceId: ws.workspace.id, name: "Quick", kind: "dynamic", rules: quickRule as object },
    });
    const refs = await loadSegmentRefs(ws.workspace.id);
    await expect(recomputeSegment(ws.workspace.id, slow.id, slowRule, refs, undefined, SHORT_MS)).rejects.toThrow(
      SegmentQueryTimeout,
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await recomputeWorkspaceSegments(ws.workspace.id, undefined, SHORT_MS)).toBe(1);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(`segment ${slow.id} of workspace`));
    } finally {
      logged.mockRestore();
    }
    const after = await db.segment.findMany({ where: { id: { in: [slow.id, quick.id] } }, orderBy: { name: "asc" } });
    expect(after.map((s) => [s.name, s.lastComputedAt !== null])).toEqual([
      ["Quick", true],
      ["Slow", false],
    ]);
    expect(await db.segmentMembership.count({ where: { segmentId: slow.id } })).toBe(0);
  });

  it("“Recompute now” on a rule that runs past it is answered as a refusal that says so, and changes nothing", async () => {
    const slow = await db.segment.create({
      data: { workspaceId: ws.workspace.id, name: "Slow, by hand", kind: "dynamic", rules: slowRule as object },
    });
    const recompute = () =>
      runWorkspaceAction(recomputeSegmentDef, editor, { workspaceId: ws.workspace.id, segmentId: slow.id });
    limits.recomputeMs = SHORT_MS;
    try {
      expect(await recompute()).toEqual({
        ok: false,
        error: {
          code: "invalid_input",
          message:
            "This rule takes too long to count on this workspace's data: narrow it (fewer conditions, shorter windows). Nothing was recomputed; the members stay as they were.",
        },
      });
    } finally {
      limits.recomputeMs = undefined;
    }
    const after = await db.segment.findUniqueOrThrow({ where: { id: slow.id } });
    expect(after.lastComputedAt).toBeNull();
    expect(await db.segmentMembership.count({ where: { segmentId: slow.id } })).toBe(0);
    // given its time, the same request succeeds
    expect(await recompute()).toEqual({ ok: true, data: { segmentId: slow.id } });
    expect((await db.segment.findUniqueOrThrow({ where: { id: slow.id } })).lastComputedAt).not.toBeNull();
  }, 30_000);

  it("the count of members an export leaves out is bounded too: past it, no number rather than a page that hangs", async () => {
    const segment = await db.segment.create({
      data: { workspaceId: ws.workspace.id, name: "Counted", kind: "dynamic", rules: quickRule as object },
    });
    expect(
      await whileLocked("segment_memberships", () =>
        membersWithoutMarketingConsent(ws.workspace.id, segment.id, SHORT_MS),
      ),
    ).toBeNull();
    expect(await membersWithoutMarketingConsent(ws.workspace.id, segment.id, SHORT_MS)).toBe(0);
  });

  it("an export whose first page cannot be read in time answers 503 with a message, before any byte of CSV", async () => {
    const saved = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "Everyone",
      rule: rule([]),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    session.userId = ws.member("viewer").userId;
    const get = () =>
      exportRoute(new Request(`http://localhost/w/${ws.workspace.slug}/segments/${saved.data.segmentId}/export`), {
        params: Promise.resolve({ workspace: ws.workspace.slug, segmentId: saved.data.segmentId }),
      });
    limits.exportMs = SHORT_MS;
    const refused = await whileLocked("segment_memberships", get);
    limits.exportMs = undefined;
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({
      error: {
        code: "unavailable",
        message: "Exporting this segment takes too long right now: try again in a few minutes",
      },
    });
    const answered = await get();
    expect(answered.status).toBe(200);
    expect((await answered.text()).trim().split("\r\n")).toHaveLength(1 + PROFILES);
  });

  it("freezing a rule that cannot be counted in time is refused by name and leaves no snapshot", async () => {
    const saved = await db.segment.create({
      data: { workspaceId: ws.workspace.id, name: "To freeze", kind: "dynamic", rules: quickRule as object },
    });
    const frozen = await whileLocked("profiles", () =>
      runWorkspaceAction(freezeSegmentDef, editor, {
        workspaceId: ws.workspace.id,
        segmentId: saved.id,
        name: "Frozen",
      }),
    );
    expect(frozen).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message:
          "This rule takes too long to count on this workspace's data: narrow it (fewer conditions, shorter windows)",
      },
    });
    expect(await db.segment.count({ where: { workspaceId: ws.workspace.id, name: "Frozen" } })).toBe(0);
  });
});
