import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { runWorkspaceQuery } from "@/lib/actions/query-client";
import { createPlacementDef } from "@/lib/content/actions/create-placement";
import { saveExperienceDef } from "@/lib/content/actions/save-experience";
import { closePgPool } from "@/lib/db/pg-pool";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { saveSegmentDef } from "./actions/save-segment";
import { segmentPreviewDef } from "./actions/preview-segment";
import type { Condition, RuleGroup } from "./schema";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let editor: string;
let placementId: string;

afterAll(() => closePgPool());

const rule = (children: RuleGroup["children"]): RuleGroup => ({
  type: "group",
  id: "root",
  combinator: "and",
  children,
});
/** One distinct count of an event property, the condition of the 4.8 s preview that issue 14 reports. */
const distinctSkus = (i: number): Condition => ({
  type: "aggregate",
  id: `c${i}`,
  event: "Product Viewed",
  filters: [],
  fn: "count_distinct",
  property: "sku",
  op: "gte",
  value: i % 7,
  window: { kind: "ever" },
});
const conditions = (n: number) => Array.from({ length: n }, (_, i) => distinctSkus(i));
const TOO_MANY = "A rule holds at most 50 conditions (this one has 61): split it into segments and combine them";

beforeAll(async () => {
  ws = await createTestWorkspace("Limits", ["editor", "viewer"]);
  editor = ws.member("editor").userId;
  const placement = await runWorkspaceAction(createPlacementDef, editor, {
    workspaceId: ws.workspace.id,
    key: "hero",
    name: "Hero",
    contentType: "text",
    defaultBody: "Hello",
  });
  if (!placement.ok) throw new Error(placement.error.message);
  placementId = placement.data.placementId;
});

describe("a rule's size is bounded, with the same message in every form", () => {
  it("refuses 61 conditions (30 of them in a nested group) in a segment's preview and save", async () => {
    const big = rule([...conditions(31), { type: "group", id: "g", combinator: "or", children: conditions(30) }]);
    const preview = await runWorkspaceQuery(segmentPreviewDef, ws.member("viewer").userId, {
      workspaceId: ws.workspace.id,
      rule: big,
    });
    expect(preview).toEqual({ ok: true, data: { valid: false, issues: [{ path: [], message: TOO_MANY }] } });
    const saved = await runWorkspaceAction(saveSegmentDef, editor, {
      workspaceId: ws.workspace.id,
      name: "Too big",
      rule: big,
    });
    expect(saved).toMatchObject({ ok: false, error: { code: "invalid_input", fieldErrors: { rule: [TOO_MANY] } } });
  });

  it("refuses the same rule inline in a content experience, and a rule nested too deep, at the group's path", async () => {
    const experience = (target: RuleGroup) =>
      runWorkspaceAction(saveExperienceDef, editor, {
        workspaceId: ws.workspace.id,
        placementId,
        name: "Targeted",
        target: { kind: "rule", rule: target },
        status: "draft",
        schedule: { timeZone: "UTC" },
        body: "Hi",
      });
    expect(await experience(rule(conditions(61)))).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { rule: [TOO_MANY] } },
    });
    let deep: RuleGroup["children"][number] = distinctSkus(0);
    for (let i = 0; i < 5; i++) deep = { type: "group", id: `g${i}`, combinator: "and", children: [deep] };
    const refused = await experience(rule([deep]));
    expect(refused).toMatchObject({
      ok: false,
      error: {
        fieldErrors: {
          "rule.children.0.children.0.children.0.children.0.children.0": [
            expect.stringMatching(/^Groups nest at most 5 levels deep/),
          ],
        },
      },
    });
    expect(await experience(rule(conditions(50)))).toMatchObject({ ok: true });
  });
});
