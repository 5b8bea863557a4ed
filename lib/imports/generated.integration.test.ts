import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { CANCELLED_EVENT, REFUNDED_EVENT } from "./order-rows";
import { checkImport } from "./runtime/check-import";
import { runImport } from "./runtime/run-import";
import { importMappingSchema, type ImportMapping } from "./schema";
import { suggestMapping } from "./suggest";
import { generatedShopifyOrders } from "./testing/generated-shopify-orders";

/**
 * A generated Shopify orders export of 100,000 rows (one per line item): recognized from its first rows as the
 * wizard reads them, checked, imported, and checked and imported again, each time against the figures the
 * generator counted while writing it.
 */
const ROWS = 100_000;
const file = generatedShopifyOrders({ rows: ROWS, customers: 20_000, domain: "generated.test" });
let workspace: { id: string; identitySalt: string; storePlainPii: boolean };
let userId: string;
let mapping: ImportMapping;

beforeAll(async () => {
  const fixture = await createTestWorkspace("Generated import", ["editor"]);
  workspace = fixture.workspace;
  userId = fixture.member("editor").userId;
});
afterAll(() => closePgPool());

const head = async () => {
  const reader = file.stream().getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value).split("\n").slice(0, 201).join("\n");
};
const revenue = () =>
  Object.fromEntries(Object.entries(file.figures.revenueCents).map(([currency, cents]) => [currency, cents / 100]));
const counts = async () => {
  const rows = await db.event.groupBy({ by: ["name"], where: { workspaceId: workspace.id }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.name, r._count]));
};

describe(`a generated Shopify orders export of ${ROWS.toLocaleString("en-US")} rows`, () => {
  it("is recognized from its first rows", async () => {
    const text = await head();
    const headers = (parse(text, { bom: true, to: 1 }) as string[][])[0]!;
    const suggestion = suggestMapping(headers, parse(text, { columns: true, bom: true, relax_column_count: true }));
    expect(suggestion.format?.id).toBe("shopify-orders");
    expect(suggestion.decimalKnown).toBe(true);
    mapping = importMappingSchema.parse({ ...suggestion.mapping, defaultCurrency: "USD" });
    expect(file.figures.rows).toBe(ROWS);
  });

  it("is checked with the figures it holds, writing nothing", { timeout: 240_000 }, async () => {
    const check = await checkImport({ workspace, mapping, body: file.stream() });
    const { figures } = file;
    expect(check).toMatchObject({
      readable: true,
      totalRows: ROWS,
      importableRows: ROWS,
      refusedRows: 0,
      profiles: { created: figures.customers, merged: 0, changed: 0, unchanged: 0 },
      events: { new: figures.orders, alreadyImported: 0 },
      orders: {
        completed: figures.completed,
        refunded: figures.refunded,
        cancelled: figures.cancelled,
        items: figures.items,
        revenue: revenue(),
      },
    });
    expect(await db.profile.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it(
    "is imported: every order once, with its items, and revenue only from completed orders",
    { timeout: 600_000 },
    async () => {
      const job = await runImport({ workspace, userId, fileName: "orders_export.csv", mapping, body: file.stream() });
      expect(job).toMatchObject({ status: "completed", totalRows: ROWS, importedRows: ROWS, failedRows: 0 });
      const { figures } = file;
      expect(await counts()).toEqual({
        [ORDER_EVENT]: figures.completed,
        [REFUNDED_EVENT]: figures.refunded,
        [CANCELLED_EVENT]: figures.cancelled,
      });
      expect(await db.profile.count({ where: { workspaceId: workspace.id } })).toBe(figures.customers);
      const [items] = await db.$queryRaw<{ items: number }[]>`
      SELECT coalesce(sum(jsonb_array_length(properties->'products')), 0)::int AS items FROM events WHERE workspace_id = ${workspace.id}`;
      expect(items!.items).toBe(figures.items);
      const perCurrency = await db.$queryRaw<{ currency: string; cents: bigint }[]>`
      SELECT properties->>'currency' AS currency, round(sum((properties->>'revenue')::numeric) * 100)::bigint AS cents
      FROM events WHERE workspace_id = ${workspace.id} AND name = ${ORDER_EVENT} GROUP BY 1 ORDER BY 1`;
      expect(Object.fromEntries(perCurrency.map((r) => [r.currency, Number(r.cents)]))).toEqual(figures.revenueCents);
      const orders = await db.profile.aggregate({ where: { workspaceId: workspace.id }, _sum: { orders: true } });
      expect(orders._sum.orders).toBe(figures.completed);
    },
  );

  it("is checked and imported again: nothing new, nothing changed", { timeout: 600_000 }, async () => {
    const check = await checkImport({ workspace, mapping, body: file.stream() });
    expect(check).toMatchObject({
      profiles: { created: 0, merged: 0, changed: 0, unchanged: file.figures.customers },
      events: { new: 0, alreadyImported: file.figures.orders },
    });
    const before = await counts();
    const job = await runImport({ workspace, userId, fileName: "orders_export.csv", mapping, body: file.stream() });
    expect(job).toMatchObject({ status: "completed", importedRows: ROWS, failedRows: 0 });
    expect(await counts()).toEqual(before);
  });
});
