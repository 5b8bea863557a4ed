import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { runWorkspaceQuery } from "@/lib/actions/query-client";
import { db } from "@/lib/db/client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { handleBatch } from "@/lib/events/runtime/handlers";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import type { RuleGroup } from "./schema";
import { archiveSegmentDef } from "./actions/archive-segment";
import { duplicateSegmentDef } from "./actions/duplicate-segment";
import { freezeSegmentDef } from "./actions/freeze-segment";
import { saveSegmentDef } from "./actions/save-segment";
import { uploadStaticSegmentDef } from "./actions/upload-static-segment";
import { loadSegmentCatalog } from "./db/load-segment-catalog";
import { listMembers, sizeHistory } from "./db/get-segment";
import { exportMembersCsv, membersWithoutMarketingConsent } from "./db/export-members";
import { listSegments } from "./db/list-segments";
import { segmentPreviewDef } from "./actions/preview-segment";
import { flushMembershipRefresh } from "./runtime/refresh-queue";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let editor: string;
const DAY = 86_400_000;

afterAll(() => closePgPool());

const rule = (...children: RuleGroup["children"]): RuleGroup => ({
  type: "group",
  id: "root",
  combinator: "and",
  children,
});
const viewedShoes = (times: number): RuleGroup["children"][number] => ({
  type: "behavior",
  id: "b",
  event: "Product Viewed",
  filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
  count: { op: "at_least", value: times },
  window: { kind: "last_days", days: 7 },
});
const inCountry = (value: string): RuleGroup["children"][number] => ({
  type: "trait",
  id: "t",
  key: "country",
  valueType: "string",
  op: "equals",
  value,
});

const send = (batch: unknown[]) =>
  handleBatch({ id: ws.workspace.id, identitySalt: ws.workspace.identitySalt, storePlainPii: true }, { batch });
const view = (userId: string, daysAgo: number, category = "shoes") => ({
  type: "track",
  userId,
  event: "Product Viewed",
  properties: { category },
  timestamp: new Date(Date.now() - daysAgo * DAY).toISOString(),
});
const identify = (userId: string, traits: Record<string, unknown>) => ({ type: "identify", userId, traits });

async function members(segmentId: string) {
  const { rows } = await pgPool().query<{ user_id: string }>(
    `SELECT i.value AS user_id FROM segment_memberships m JOIN identities i ON i.profile_id = m.profile_id AND i.type = 'user_id'
     WHERE m.workspace_id = $1 AND m.segment_id = $2 AND m.exited_at IS NULL ORDER BY 1`,
    [ws.workspace.id, segmentId],
  );
  return rows.map((r) => r.user_id);
}

beforeAll(async () => {
  ws = await createTestWorkspace("Segs", ["admin", "editor", "viewer"]);
  editor = ws.member("editor").userId;
  await send([
    identify("ana", { country: "DE", email: "ana@shop.test", consent: { marketing: true } }),
    identify("ben", { country: "DE", email: "ben@shop.test" }),
    identify("cleo", { country: "FR", email: "cleo@shop.test", consent: { personalization: false } }),
    view("ana", 1),
    view("ana", 2),
    view("ana", 3),
    view("ben", 1),
    view("ben", 2),
    view("ben", 10),
    view("ben", 1, "bags"),
    view("cleo", 1),
    view("cleo", 1),
    view("cleo", 1),
  ]);
  await flushMembershipRefresh();
});

describe("segments on Postgres", () => {
  it("previews size, share, reachable profiles and a sample, or says what is wrong", async () => {
    const preview = await runWorkspaceQuery(segmentPreviewDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      rule: rule(viewedShoes(3)),
    });
    expect(preview).toMatchObject({ ok: true, data: { valid: true, size: 2, total: 3, reachable: 1 } });
    if (!preview.ok || !preview.data.valid) throw new Error("no preview");
    expect(preview.data.sample.map((s) => s.label).sort()).toEqual(["ana@shop.test", "cleo@shop.test"]);

    const bad = await runWorkspaceQuery(segmentPreviewDef, editor, {
      workspaceId: ws.workspace.id,
      rule: rule({ type: "trait", id: "x", key: "age", valueType: "number", op: "gt" }),
    });
    expect(bad).toMatchObject({
      ok: true,
      data: { valid: false, issues: [{ path: ["children", 0, "value"], message: "Enter a number" }] },
    });
  });

  it("saves a dynamic segment, stores its members and keeps them current as events arrive", async () => {
    const saved = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "German shoe lovers",
      rule: rule(inCountry("DE"), viewedShoes(3)),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const id = saved.data.segmentId;
    expect(await members(id)).toEqual(["ana"]);
    expect(await db.segment.findUniqueOrThrow({ where: { id } })).toMatchObject({ size: 1, reachableSize: 1 });

    // ben views shoes once more: he enters within the refresh delay, without a recomputation of the segment
    await send([view("ben", 0)]);
    await flushMembershipRefresh();
    expect(await members(id)).toEqual(["ana", "ben"]);
    // ana moves to France: she exits, with the time she left
    await send([identify("ana", { country: "FR" })]);
    await flushMembershipRefresh();
    expect(await members(id)).toEqual(["ben"]);
    const exited = await db.segmentMembership.findMany({ where: { segmentId: id, exitedAt: { not: null } } });
    expect(exited).toHaveLength(1);
    expect((await db.segment.findUniqueOrThrow({ where: { id } })).size).toBe(1);

    const listed = (await listSegments(ws.workspace.id)).find((s) => s.id === id)!;
    expect(listed).toMatchObject({ name: "German shoe lovers", size: 1, kind: "dynamic" });
    expect((await sizeHistory(ws.workspace.id, id)).map((p) => p.size)).toEqual([1]);
    expect((await listMembers(ws.workspace.id, id, 1)).rows.map((r) => r.label)).toEqual(["ben@shop.test"]);
    const audit = await db.auditLog.findFirst({
      where: { workspaceId: ws.workspace.id, action: "segment.create", targetId: id },
    });
    expect(audit).not.toBeNull();
  });

  it("refuses a rule that contains its own segment, naming the chain", async () => {
    const a = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "A",
      rule: rule(inCountry("DE")),
    });
    if (!a.ok) throw new Error(a.error.message);
    const b = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "B",
      rule: rule({ type: "segment", id: "s", segmentId: a.data.segmentId, op: "in" }),
    });
    if (!b.ok) throw new Error(b.error.message);
    const cycle = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      segmentId: a.data.segmentId,
      name: "A",
      rule: rule({ type: "segment", id: "s", segmentId: b.data.segmentId, op: "in" }),
    });
    expect(cycle).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { rule: ["A segment cannot contain itself: A → B → A"] } },
    });
    const foreign = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "C",
      rule: rule({ type: "segment", id: "s", segmentId: "seg-of-another-workspace", op: "in" }),
    });
    expect(foreign).toMatchObject({
      ok: false,
      error: { fieldErrors: { "rule.children.0.segmentId": ["Choose a segment of this workspace"] } },
    });
  });

  it("freezes a dynamic segment, duplicates and archives, uploads a list", async () => {
    const saved = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "Shoes ×3",
      rule: rule(viewedShoes(3)),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const frozen = await runWorkspaceAction(freezeSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      segmentId: saved.data.segmentId,
      name: "Shoes ×3 in November",
    });
    if (!frozen.ok) throw new Error(frozen.error.message);
    expect(frozen.data.size).toBe(3);
    // the snapshot does not follow later data
    await send([identify("dan", { country: "DE" }), view("dan", 0), view("dan", 0), view("dan", 0)]);
    await flushMembershipRefresh();
    expect(await members(frozen.data.segmentId)).toEqual(["ana", "ben", "cleo"]);
    expect(await members(saved.data.segmentId)).toEqual(["ana", "ben", "cleo", "dan"]);

    const copy = await runWorkspaceAction(duplicateSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      segmentId: frozen.data.segmentId,
    });
    if (!copy.ok) throw new Error(copy.error.message);
    expect(await members(copy.data.segmentId)).toEqual(["ana", "ben", "cleo"]);
    await runWorkspaceAction(archiveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      segmentId: copy.data.segmentId,
      archived: true,
    });
    expect((await listSegments(ws.workspace.id)).some((s) => s.id === copy.data.segmentId)).toBe(false);
    expect((await listSegments(ws.workspace.id, { archived: true })).map((s) => s.id)).toContain(copy.data.segmentId);

    const uploaded = await runWorkspaceAction(uploadStaticSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "VIP list",
      entries: "email\nANA@shop.test\nben\nnobody@shop.test\nben",
    });
    expect(uploaded).toMatchObject({
      ok: true,
      data: { entries: 3, matched: 2, unmatched: 1, unmatchedSample: ["nobody@shop.test"] },
    });
    if (!uploaded.ok) throw new Error("upload");
    expect(await members(uploaded.data.segmentId)).toEqual(["ana", "ben"]);
    const empty = await runWorkspaceAction(uploadStaticSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "Empty",
      entries: " \n ",
    });
    expect(empty).toMatchObject({
      ok: false,
      error: { fieldErrors: { entries: ["Paste or upload at least one id or email"] } },
    });
  });

  it("exports members who said yes to marketing only", async () => {
    const saved = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "Everyone",
      rule: rule(),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const csv = await new Response(await exportMembersCsv(ws.workspace.id, saved.data.segmentId)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("profile_id,user_id,email,first_name,last_name,entered_at,orders,revenue");
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(["ana"]);
    expect(await membersWithoutMarketingConsent(ws.workspace.id, saved.data.segmentId)).toBe(3);
  });

  it("offers the workspace's real fields in the builder", async () => {
    const catalog = await loadSegmentCatalog(ws.workspace.id);
    expect(catalog.traits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: "country", type: "string", examples: expect.arrayContaining(["DE", "FR"]) }),
      ]),
    );
    const viewed = catalog.events.find((e) => e.name === "Product Viewed")!;
    expect(viewed.properties).toEqual([
      expect.objectContaining({ key: "category", type: "string", examples: ["shoes", "bags"] }),
    ]);
  });
});
