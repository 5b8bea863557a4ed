import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { rollUpPass } from "@/lib/analytics/db/rollup-pass";
import { rebuildRollup } from "@/lib/analytics/db/rollup-rebuild";
import { db } from "@/lib/db/client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { ingestEvents } from "@/lib/events/runtime/ingest";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { undoImportDef } from "./actions/undo-import";
import { runImport } from "./runtime/run-import";
import { importMappingSchema } from "./schema";
import { suggestMapping } from "./suggest";

/**
 * Undo: every row of every table an import writes to, as it was before two imports (customers found and
 * created, traits, consent, a new phone, orders with their rollups) and after both are undone, latest first.
 */
let workspace: { id: string; identitySalt: string; storePlainPii: boolean };
let editor: string;

/** The tables an import changes, each row whole (profiles without `updated_at`, a bookkeeping time). */
const TABLES: Record<string, string> = {
  profiles: `SELECT to_jsonb(p) - 'updated_at' AS row FROM profiles p WHERE workspace_id = $1 ORDER BY id`,
  identities: `SELECT to_jsonb(t) AS row FROM identities t WHERE workspace_id = $1 ORDER BY id`,
  events: `SELECT to_jsonb(t) AS row FROM events t WHERE workspace_id = $1 ORDER BY id`,
  consent_changes: `SELECT to_jsonb(t) AS row FROM consent_changes t WHERE workspace_id = $1 ORDER BY id`,
  profile_daily_rollups: `SELECT to_jsonb(t) AS row FROM profile_daily_rollups t WHERE workspace_id = $1 ORDER BY profile_id, day, event_name`,
  profile_merges: `SELECT to_jsonb(t) AS row FROM profile_merges t WHERE workspace_id = $1 ORDER BY id`,
  segment_memberships: `SELECT to_jsonb(t) AS row FROM segment_memberships t WHERE workspace_id = $1 ORDER BY segment_id, profile_id`,
  visitor_days: `SELECT to_jsonb(t) AS row FROM visitor_days t WHERE workspace_id = $1 ORDER BY 1`,
  event_days: `SELECT to_jsonb(t) AS row FROM event_days t WHERE workspace_id = $1 ORDER BY 1`,
};
const everyRow = async () => {
  const out: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(TABLES))
    out[table] = (await pgPool().query<{ row: unknown }>(sql, [workspace.id])).rows.map((r) => r.row);
  return out;
};

async function importText(name: string, text: string) {
  const rows: Record<string, string>[] = parse(text, { columns: true, bom: true, relax_column_count: true });
  const headers = (parse(text, { bom: true, to: 1 }) as string[][])[0]!;
  const mapping = importMappingSchema.parse({ ...suggestMapping(headers, rows).mapping, defaultCurrency: "USD" });
  const job = await runImport({
    workspace,
    userId: editor,
    fileName: name,
    mapping,
    body: new Blob([text]).stream(),
    declaredSha256: createHash("sha256").update(text).digest("hex"),
  });
  expect(job).toMatchObject({ status: "completed", failedRows: 0 });
  await rollUpPass(workspace.id);
  return job;
}
const fixture = (name: string) => readFile(path.join(__dirname, "testing", "fixtures", name), "utf8");
const undo = (jobId: string) => runWorkspaceAction(undoImportDef, editor, { workspaceId: workspace.id, jobId });

beforeAll(async () => {
  const created = await createTestWorkspace("Undo imports", ["editor"]);
  workspace = created.workspace;
  editor = created.member("editor").userId;
  // before: customers from Shopify, one of whom has browsed the store
  await importText("shopify-customers.csv", await fixture("shopify-customers.csv"));
  await ingestEvents(workspace, [
    {
      type: "page",
      name: "Home",
      messageId: "browse-1",
      occurredAt: new Date("2024-03-01T10:00:00Z"),
      properties: {},
      context: {},
      traits: null,
      userId: "7024931815583",
      consent: null,
      revenue: null,
    },
  ]);
  await rebuildRollup(workspace.id);
});
afterAll(() => closePgPool());

describe("undoing imports", () => {
  it("restores every row exactly, latest import first", async () => {
    const before = await everyRow();
    expect(before.profiles).toHaveLength(3);

    const orders = await importText("shopify-orders.csv", await fixture("shopify-orders.csv"));
    const customers = await importText(
      "crm.csv",
      [
        "Email,First Name,Phone,Accepts Email Marketing,Tier",
        "ada@example.com,Augusta,+44 20 7946 0000,no,gold",
        "newt@example.com,Newt,,yes,silver",
      ].join("\n"),
    );
    const during = await everyRow();
    expect(during.profiles).toHaveLength(4); // Newt is new
    expect(during.events!.length).toBeGreaterThan(before.events!.length);

    // the orders import touched Ada too: the customers import, later, must be undone first
    expect(await undo(orders.id)).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: "Undo the later import “crm.csv” first: it changed the same profiles" },
    });
    const undone = await undo(customers.id);
    expect(undone).toMatchObject({ ok: true, data: { removed: 1, restored: 1, events: 2 } });
    expect(await undo(customers.id)).toMatchObject({
      ok: false,
      error: { message: "This import was undone already" },
    });
    expect(await undo(orders.id)).toMatchObject({ ok: true, data: { removed: 0, restored: 3, events: 4 } });
    await rollUpPass(workspace.id);

    expect(await everyRow()).toEqual(before);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: orders.id } })).toMatchObject({
      status: "undone",
      undoneById: editor,
    });
    expect(await db.importJobProfile.count({ where: { jobId: { in: [orders.id, customers.id] } } })).toBe(0);
    const audit = await db.auditLog.findMany({
      where: { workspaceId: workspace.id, targetId: customers.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, after: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["import.undo", "import.undone"]);
  });

  it("refuses to undo an import that merged profiles", async () => {
    await importText("solo.csv", "Email,First Name\nsolo@example.com,Solo\n");
    // Ada's customer id with the email of the profile just imported (which has no user id): one person
    const job = await importText("merge.csv", "Customer ID,Email\n7024931815583,solo@example.com\n");
    expect(job.mergedProfiles).toBe(1);
    expect(await undo(job.id)).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        message: "This import merged 1 profile into others, and a merge cannot be undone",
      },
    });
  });

  it("drops the journal of an import older than 30 days when the next one starts", async () => {
    const old = await importText("old.csv", "Email,First Name\nold@example.com,Old\n");
    expect(await db.importJobProfile.count({ where: { jobId: old.id } })).toBe(1);
    await db.importJob.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    await importText("next.csv", "Email,First Name\nnext@example.com,Next\n");
    expect(await db.importJobProfile.count({ where: { jobId: old.id } })).toBe(0);
    expect(await db.importJobEvent.count({ where: { jobId: old.id } })).toBe(0);
    expect(await undo(old.id)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^An import can be undone within 30 days; this one ran on /) },
    });
  });
});
