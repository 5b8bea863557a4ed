import { beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { db } from "@/lib/db/client";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { deleteGoalDef } from "./actions/delete-goal";
import { saveGoalDef } from "./actions/save-goal";
import { getGoal } from "./db/get-goal";
import { listGoals } from "./db/list-goals";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let ws: Fixture;
let other: Fixture;
let editor: string;

const bigOrders = {
  name: "Big orders",
  eventName: "Order Completed",
  kind: "sum",
  valueProperty: "revenue",
  filters: [{ property: "total", valueType: "number", op: "gte", value: 50 }],
  windowDays: 14,
};

const save = (input: object, who = editor, workspaceId = ws.workspace.id) =>
  runWorkspaceAction(saveGoalDef, who, { workspaceId, ...input });

async function created(input: object): Promise<string> {
  const result = await save(input);
  if (!result.ok) throw new Error(`${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`);
  return result.data.goalId;
}

/** An experiment row with this goal linked in a role, written straight to the database. */
async function experimentUsing(goalId: string, status: "draft" | "running" | "paused" | "stopped", role = "primary") {
  const key = `exp-${Math.random().toString(36).slice(2, 8)}`;
  return db.experiment.create({
    data: {
      workspaceId: ws.workspace.id,
      key,
      name: `Experiment ${key}`,
      seed: key,
      status,
      goals: { create: { workspaceId: ws.workspace.id, goalId, role: role as "primary" } },
    },
  });
}

beforeAll(async () => {
  ws = await createTestWorkspace("Goals");
  other = await createTestWorkspace("Other goals");
  editor = ws.member("editor").userId;
});

describe("saving goals", () => {
  it("creates a sum goal with a filter, lists it in words, and records who did it", async () => {
    const goalId = await created(bigOrders);
    const goal = await getGoal(ws.workspace.id, goalId);
    expect(goal).toMatchObject({
      name: "Big orders",
      kind: "sum",
      valueProperty: "revenue",
      windowDays: 14,
      filters: bigOrders.filters,
      summary: "Summed revenue: Order Completed where total is at least 50, within 14 days of first exposure",
    });
    expect((await listGoals(ws.workspace.id)).map((g) => g.name)).toContain("Big orders");
    const audit = await db.auditLog.findFirst({ where: { workspaceId: ws.workspace.id, targetId: goalId } });
    expect(audit).toMatchObject({
      action: "goal.create",
      actorId: editor,
      after: { name: "Big orders", windowDays: 14 },
    });
  });

  it("updates a goal by id, keeping before and after in the audit log, and drops the value property of a non-sum goal", async () => {
    const goalId = await created({ ...bigOrders, name: "Orders to change" });
    const result = await save({ ...bigOrders, goalId, name: "Orders changed", kind: "count", windowDays: 3 });
    expect(result).toMatchObject({ ok: true, data: { goalId } });
    expect(await getGoal(ws.workspace.id, goalId)).toMatchObject({
      name: "Orders changed",
      kind: "count",
      valueProperty: null,
      windowDays: 3,
    });
    const audit = await db.auditLog.findFirst({
      where: { workspaceId: ws.workspace.id, targetId: goalId, action: "goal.update" },
    });
    expect(audit).toMatchObject({
      before: { name: "Orders to change", kind: "sum", windowDays: 14 },
      after: { name: "Orders changed", kind: "count", windowDays: 3 },
    });
  });

  it("answers a name that is taken (in any case) with a field error on name, not a failure", async () => {
    await created({ ...bigOrders, name: "Purchase" });
    for (const name of ["Purchase", "PURCHASE"]) {
      const result = await save({ ...bigOrders, name });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "invalid_input", fieldErrors: { name: ["Another goal has this name"] } },
      });
    }
    const renamed = await created({ ...bigOrders, name: "Purchase 2" });
    expect(await save({ ...bigOrders, goalId: renamed, name: "purchase" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { name: ["Another goal has this name"] } },
    });
    // the same name in another workspace is another goal
    expect(
      await save({ ...bigOrders, name: "Purchase" }, other.member("editor").userId, other.workspace.id),
    ).toMatchObject({
      ok: true,
    });
  });

  it("reports each bad field next to it: window, value property of a sum, a filter's missing operand", async () => {
    const result = await save({
      ...bigOrders,
      valueProperty: null,
      windowDays: 0,
      filters: [{ property: "total", valueType: "number", op: "gte" }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        fieldErrors: { windowDays: ["At least 1 day"], valueProperty: ["A sum goal needs the property to add up"] },
      },
    });
    const filter = await save({ ...bigOrders, filters: [{ property: "total", valueType: "number", op: "gte" }] });
    expect(filter).toMatchObject({ ok: false, error: { fieldErrors: { "filters.0.value": ["Enter a number"] } } });
  });

  it("creates a ratio goal with a cap and changes its cap, in words and in the audit log", async () => {
    const goalId = await created({
      ...bigOrders,
      name: "Revenue per order",
      kind: "ratio",
      filters: [],
      windowDays: 7,
      capPercentile: 0.99,
    });
    expect(await getGoal(ws.workspace.id, goalId)).toMatchObject({
      kind: "ratio",
      valueProperty: "revenue",
      capPercentile: 0.99,
      summary:
        "Per event: sum of revenue over the number of Order Completed events, within 7 days of first exposure, each visitor's revenue capped at the 99th percentile",
    });
    const result = await save({
      ...bigOrders,
      goalId,
      name: "Revenue per order",
      kind: "ratio",
      capPercentile: null,
    });
    expect(result).toMatchObject({ ok: true });
    expect(await getGoal(ws.workspace.id, goalId)).toMatchObject({ kind: "ratio", capPercentile: null });
    const audit = await db.auditLog.findFirst({
      where: { workspaceId: ws.workspace.id, targetId: goalId, action: "goal.update" },
    });
    expect(audit).toMatchObject({ before: { kind: "ratio", capPercentile: 0.99 }, after: { capPercentile: null } });
  });

  it("answers a ratio goal without a value property, and a cap on a conversion goal, at the field", async () => {
    const before = await db.goal.count({ where: { workspaceId: ws.workspace.id } });
    expect(await save({ ...bigOrders, name: "Ratio", kind: "ratio", valueProperty: null })).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        fieldErrors: { valueProperty: ["A ratio goal needs the property to add up"] },
      },
    });
    expect(
      await save({
        ...bigOrders,
        name: "Capped purchase",
        kind: "conversion",
        valueProperty: null,
        capPercentile: 0.99,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        fieldErrors: { capPercentile: ["Only sum and ratio goals can cap outliers (this is a conversion goal)"] },
      },
    });
    expect(await save({ ...bigOrders, name: "Over-capped", capPercentile: 1 })).toMatchObject({
      ok: false,
      error: { fieldErrors: { capPercentile: ["Cap at the 99.99th percentile or below"] } },
    });
    expect(await db.goal.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
  });

  it("refuses a viewer, changing nothing", async () => {
    const before = await db.goal.count({ where: { workspaceId: ws.workspace.id } });
    const result = await save({ ...bigOrders, name: "Viewer's goal" }, ws.member("viewer").userId);
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.goal.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
  });
});

describe("another workspace", () => {
  it("cannot read, change or delete the goal", async () => {
    const goalId = await created({ ...bigOrders, name: "Private goal" });
    const stranger = other.member("admin").userId;
    expect(await getGoal(other.workspace.id, goalId)).toBeNull();
    expect((await listGoals(other.workspace.id)).map((g) => g.id)).not.toContain(goalId);
    // as a member of its own workspace, naming our goal's id
    expect(await save({ ...bigOrders, goalId, name: "Hijacked" }, stranger, other.workspace.id)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(
      await runWorkspaceAction(deleteGoalDef, stranger, { workspaceId: other.workspace.id, goalId }),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
    // aiming at our workspace
    expect(await save({ ...bigOrders, goalId, name: "Hijacked" }, stranger)).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await getGoal(ws.workspace.id, goalId)).toMatchObject({ name: "Private goal" });
  });
});

describe("deleting goals", () => {
  const remove = (goalId: string, who = editor) =>
    runWorkspaceAction(deleteGoalDef, who, { workspaceId: ws.workspace.id, goalId });

  it("is refused, with the experiment named, while a running or paused experiment has it as primary goal", async () => {
    const goalId = await created({ ...bigOrders, name: "Decisive goal" });
    const running = await experimentUsing(goalId, "running");
    expect(await getGoal(ws.workspace.id, goalId)).toMatchObject({
      usage: { byRole: { primary: 1, secondary: 0, guardrail: 0 }, livePrimary: [{ experimentId: running.id }] },
    });
    const refused = await remove(goalId);
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    if (!refused.ok) expect(refused.error.message).toContain(running.name);
    await db.experiment.update({ where: { id: running.id }, data: { status: "paused" } });
    expect(await remove(goalId)).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await getGoal(ws.workspace.id, goalId)).not.toBeNull();

    await db.experiment.update({ where: { id: running.id }, data: { status: "stopped" } });
    expect(await remove(goalId)).toMatchObject({ ok: true, data: { goalId } });
    expect(await getGoal(ws.workspace.id, goalId)).toBeNull();
    expect(await db.experimentGoal.count({ where: { experimentId: running.id } })).toBe(0);
    const audit = await db.auditLog.findFirst({
      where: { workspaceId: ws.workspace.id, targetId: goalId, action: "goal.delete" },
    });
    expect(audit).toMatchObject({ actorId: editor, before: { name: "Decisive goal", experiments: 1 } });
  });

  it("is allowed while a running experiment only watches it as a guardrail", async () => {
    const goalId = await created({ ...bigOrders, name: "Guardrail goal" });
    await experimentUsing(goalId, "running", "guardrail");
    expect(await remove(goalId)).toMatchObject({ ok: true });
  });

  it("is refused to a viewer", async () => {
    const goalId = await created({ ...bigOrders, name: "Kept goal" });
    expect(await remove(goalId, ws.member("viewer").userId)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await getGoal(ws.workspace.id, goalId)).not.toBeNull();
  });
});

describe("listing goals", () => {
  it("counts the experiments that use each goal, by role", async () => {
    const goalId = await created({ ...bigOrders, name: "Counted goal" });
    await experimentUsing(goalId, "draft", "primary");
    await experimentUsing(goalId, "running", "secondary");
    await experimentUsing(goalId, "stopped", "secondary");
    const row = (await listGoals(ws.workspace.id)).find((g) => g.id === goalId);
    expect(row?.usage.byRole).toEqual({ primary: 1, secondary: 2, guardrail: 0 });
    expect(row?.usage.experiments).toHaveLength(3);
    expect(row?.usage.livePrimary).toEqual([]);
  });
});
