import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { storedIdentityValue } from "@/lib/identity/normalize";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import type { ImportCheckOutcome } from "./check";
import { checkImport } from "./runtime/check-import";
import { runImport } from "./runtime/run-import";
import { importMappingSchema } from "./schema";
import { suggestMapping } from "./suggest";

/**
 * Each platform export of `testing/fixtures/` (files of our own, in the platforms' documented columns and value
 * formats) through the whole path, as the wizard would take it: recognized from its header, mapped by its
 * preset, checked (the dry run, whose every figure must then be what the import does), imported, its
 * profiles, consent and orders checked field by field, and imported again (no change).
 */
let workspace: { id: string; identitySalt: string; storePlainPii: boolean };
let userId: string;

beforeAll(async () => {
  const fixture = await createTestWorkspace("Platform imports", ["editor"]);
  workspace = fixture.workspace;
  userId = fixture.member("editor").userId;
});
afterAll(() => closePgPool());

async function suggestionOf(name: string) {
  const text = await readFile(path.join(__dirname, "testing", "fixtures", name), "utf8");
  return { text, suggestion: await suggestionOfText(text) };
}

async function suggestionOfText(text: string) {
  const rows: Record<string, string>[] = parse(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    to: 200,
  });
  const headers = (parse(text, { bom: true, to: 1 }) as string[][])[0]!;
  return suggestMapping(headers, rows);
}

const consentGranted = (consent: unknown) =>
  JSON.stringify(
    Object.entries((consent ?? {}) as Record<string, { granted: boolean }>).map(([p, c]) => [p, c.granted]),
  );

/** What an import did, from the workspace's rows before and after: to hold the dry run's figures against. */
function effect(before: Awaited<ReturnType<typeof snapshot>>, after: Awaited<ReturnType<typeof snapshot>>) {
  const was = new Map(before.profiles.map((p) => [p.id, p]));
  const now = new Set(after.profiles.map((p) => p.id));
  return {
    created: after.profiles.filter((p) => !was.has(p.id)).length,
    merged: before.profiles.filter((p) => !now.has(p.id)).length,
    changed: after.profiles.filter((p) => {
      const old = was.get(p.id);
      return (
        old &&
        (JSON.stringify(old.traits) !== JSON.stringify(p.traits) ||
          consentGranted(old.consent) !== consentGranted(p.consent))
      );
    }).length,
    events: after.events - before.events,
    consent: after.consent - before.consent,
  };
}

async function importFixture(name: string, file?: string) {
  const { text, suggestion } =
    file === undefined ? await suggestionOf(name) : { text: file, suggestion: await suggestionOfText(file) };
  const mapping = importMappingSchema.parse({ ...suggestion.mapping, defaultCurrency: "USD" });
  const sha256 = createHash("sha256").update(text).digest("hex");
  const before = await snapshot();
  const check = await checkImport({ workspace, mapping, body: new Blob([text]).stream(), declaredSha256: sha256 });
  // the dry run writes nothing
  expect(await snapshot()).toEqual(before);
  const job = await runImport({
    workspace,
    userId,
    fileName: name,
    mapping,
    body: new Blob([text]).stream(),
    declaredSha256: sha256,
  });
  const did = effect(before, await snapshot());
  expect({ name, ...check.profiles, events: check.events.new, consent: check.consentChanges }).toEqual({
    name,
    created: did.created,
    merged: did.merged,
    // a merge's survivor counts as changed even where its traits come out the same
    changed: check.profiles.merged > 0 ? check.profiles.changed : did.changed,
    unchanged: check.profiles.unchanged,
    events: did.events,
    consent: did.consent,
  });
  expect({ totalRows: check.totalRows, refusedRows: check.refusedRows }).toEqual({
    totalRows: job.totalRows,
    refusedRows: job.failedRows,
  });
  return { job, suggestion, check };
}

const profileOf = async (email: string) => {
  const identity = await db.identity.findUnique({
    where: {
      workspaceId_type_value: {
        workspaceId: workspace.id,
        type: "email",
        value: storedIdentityValue("email", email, workspace.identitySalt)!,
      },
    },
  });
  return db.profile.findUniqueOrThrow({
    where: { id: identity!.profileId },
    include: { identities: { orderBy: { type: "asc" } } },
  });
};
const ordersOf = async (email: string) =>
  db.event.findMany({
    where: { workspaceId: workspace.id, profileId: (await profileOf(email)).id, type: "track" },
    orderBy: { occurredAt: "asc" },
    select: { name: true, messageId: true, occurredAt: true, properties: true },
  });
const consentOf = async (email: string) =>
  db.consentChange.findMany({
    where: { workspaceId: workspace.id, profileId: (await profileOf(email)).id },
    orderBy: { id: "asc" },
    select: { purpose: true, granted: true, source: true },
  });
const snapshot = async () => ({
  profiles: await db.profile.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { id: "asc" },
    select: { id: true, traits: true, traitTimestamps: true, consent: true, orders: true, revenue: true },
  }),
  identities: await db.identity.count({ where: { workspaceId: workspace.id } }),
  events: await db.event.count({ where: { workspaceId: workspace.id } }),
  consent: await db.consentChange.count({ where: { workspaceId: workspace.id } }),
});

describe("platform exports", () => {
  it("Shopify customers: no apostrophe in ids, address fields as traits, email marketing as consent, numbers typed", async () => {
    const { job, suggestion, check } = await importFixture("shopify-customers.csv");
    expect(suggestion.format?.label).toBe("Shopify customers export");
    expect(check).toMatchObject({
      readable: true,
      totalRows: 3,
      importableRows: 3,
      refusedRows: 0,
      profiles: { created: 3, merged: 0, changed: 0, unchanged: 0 },
      events: { new: 3, alreadyImported: 0 },
    });
    expect(check.samples[0]).toMatchObject({
      profileId: null,
      label: "ada@example.com",
      status: "created",
      before: null,
      after: { traits: { first_name: "Ada", total_spent: 1250.5 }, consent: { marketing: true } },
    });
    expect(job).toMatchObject({ status: "completed", totalRows: 3, importedRows: 3, failedRows: 0 });
    const ada = await profileOf("ada@example.com");
    const identities = ada.identities.map((i) => [i.type, i.value]).sort(([a], [b]) => a!.localeCompare(b!));
    expect(identities).toEqual([
      ["email", expect.any(String)],
      ["phone", expect.any(String)],
      ["user_id", "7024931815583"],
    ]);
    expect(ada.traits).toEqual({
      email: "ada@example.com",
      phone: "+442079460958",
      first_name: "Ada",
      last_name: "Lovelace",
      company: "Analytical Engines Ltd",
      city: "London",
      region: "ENG",
      country: "GB",
      postal_code: "SW1Y 4JH",
      accepts_sms_marketing: false,
      total_spent: 1250.5,
      total_orders: 3,
      note: "Prefers email",
      tax_exempt: false,
      tags: "vip, newsletter",
    });
    expect((await profileOf("grace@example.com")).traits).toMatchObject({ total_spent: 2310, tax_exempt: true });
    expect(await consentOf("ada@example.com")).toEqual([{ purpose: "marketing", granted: true, source: "import" }]);
    expect(await consentOf("grace@example.com")).toEqual([{ purpose: "marketing", granted: false, source: "import" }]);
  });

  it("Shopify orders: line items grouped into products, offsets read, refunds and cancellations not revenue", async () => {
    const { job, suggestion, check } = await importFixture("shopify-orders.csv");
    expect(suggestion.format?.label).toBe("Shopify orders export");
    expect(check.orders).toEqual({
      completed: 2,
      refunded: 1,
      cancelled: 1,
      items: 5,
      revenue: { USD: 1218.7 },
    });
    expect(suggestion.mapping.kind).toBe("orders");
    expect(job).toMatchObject({ status: "completed", totalRows: 5, importedRows: 5, failedRows: 0 });
    const ada = await ordersOf("ada@example.com");
    expect(ada).toEqual([
      {
        name: "Order Completed",
        messageId: "import:order:#1001",
        occurredAt: new Date("2024-03-05T19:21:55Z"),
        properties: {
          order_id: "#1001",
          total: 122.7,
          revenue: 122.7,
          subtotal: 103.5,
          shipping: 10,
          tax: 9.2,
          discount: 11.5,
          refunded: 0,
          coupon: "SPRING10",
          currency: "USD",
          status: "paid",
          products: [
            { sku: "SHIRT-L", name: "Linen Shirt", price: 45, quantity: 2 },
            { sku: "TOTE-1", name: "Canvas Tote", price: 25, quantity: 1 },
          ],
        },
      },
      {
        name: "Order Cancelled",
        messageId: "import:order:#1004",
        occurredAt: new Date("2024-03-09T13:00:00Z"),
        properties: expect.objectContaining({ order_id: "#1004", total: 30, status: "voided" }),
      },
    ]);
    expect(ada[1]!.properties).not.toHaveProperty("revenue");
    const [grace] = await ordersOf("grace@example.com");
    expect(grace).toMatchObject({
      name: "Order Completed",
      properties: { total: 1296, refunded: 200, revenue: 1096, status: "partially_refunded" },
    });
    const [linus] = await ordersOf("linus@example.com");
    expect(linus).toMatchObject({
      name: "Order Refunded",
      occurredAt: new Date("2024-03-08T10:29:00Z"),
      properties: { currency: "EUR", total: 85, products: [{ sku: "CUP-4", quantity: 4, price: 20 }] },
    });
    // the profiles' totals count completed orders only
    expect(await profileOf("ada@example.com")).toMatchObject({ orders: 1 });
    expect(Number((await profileOf("grace@example.com")).revenue)).toBe(1096);
    expect(await profileOf("linus@example.com")).toMatchObject({ orders: 0 });
  });

  it("WooCommerce customers and orders: decimal commas, one row per item, wc- statuses, no password hash", async () => {
    const customers = await importFixture("woocommerce-customers.csv");
    expect(customers.suggestion.format?.label).toBe("WooCommerce customers export");
    expect(customers.suggestion).toMatchObject({ decimalKnown: true, mapping: { decimal: "comma" } });
    expect(customers.job).toMatchObject({ status: "completed", importedRows: 2, failedRows: 0 });
    const marie = await profileOf("marie@example.com");
    expect(marie.traits).toEqual({
      email: "marie@example.com",
      phone: "+33612345678",
      first_name: "Marie",
      last_name: "Curie",
      company: "Institut du Radium",
      city: "Paris",
      country: "FR",
      postal_code: "75005",
      registered_at: "2023-11-02T10:15:00.000Z",
      total_spent: 1250.5,
      order_count: 4,
    });
    expect(marie.identities.find((i) => i.type === "user_id")?.value).toBe("101");
    expect(JSON.stringify(marie)).not.toContain("$P$");

    const orders = await importFixture("woocommerce-orders.csv");
    expect(orders.suggestion.format?.label).toBe("WooCommerce orders export (one row per item)");
    expect(orders.job).toMatchObject({ status: "completed", totalRows: 4, importedRows: 4, failedRows: 0 });
    expect(await ordersOf("marie@example.com")).toEqual([
      {
        name: "Order Completed",
        messageId: "import:order:5501",
        occurredAt: new Date("2024-02-10T12:00:00Z"),
        properties: {
          order_id: "5501",
          total: 123.9,
          revenue: 123.9,
          shipping: 4.9,
          tax: 19,
          discount: 0,
          refunded: 0,
          currency: "EUR",
          status: "wc-completed",
          products: [
            { product_id: "77", sku: "NB-1", name: "Lab Notebook", price: 20, quantity: 2 },
            { product_id: "78", sku: "MIC-9", name: "Brass Microscope", price: 60, quantity: 1 },
          ],
        },
      },
    ]);
    const niels = await ordersOf("niels@example.com");
    expect(niels.map((o) => [o.name, (o.properties as { total: number }).total])).toEqual([
      ["Order Cancelled", 89.9],
      ["Order Completed", 1035],
    ]);
  });

  it("Magento 2 customers and sales orders: month-name dates, amounts with symbols, closed as refunded", async () => {
    const customers = await importFixture("magento-customers.csv");
    expect(customers.suggestion.format?.label).toBe("Magento 2 customers export (main file)");
    expect(customers.job).toMatchObject({ status: "completed", importedRows: 2, failedRows: 0 });
    const rosalind = await profileOf("rosalind@example.com");
    expect(rosalind.traits).toEqual({
      email: "rosalind@example.com",
      first_name: "Rosalind",
      last_name: "Franklin",
      registered_at: "2023-05-04T08:10:11.000Z",
      created_in: "Default Store View",
      date_of_birth: "1920-07-25T00:00:00.000Z",
      gender: "2",
      customer_group: 1,
    });
    expect(JSON.stringify(rosalind)).not.toContain("GB123456789");

    const orders = await importFixture("magento-orders.csv");
    expect(orders.suggestion.format?.label).toBe("Magento 2 sales orders export");
    expect(orders.job).toMatchObject({ status: "completed", totalRows: 3, importedRows: 3, failedRows: 0 });
    expect(await ordersOf("rosalind@example.com")).toEqual([
      {
        name: "Order Completed",
        messageId: "import:order:000000101",
        occurredAt: new Date("2024-03-05T14:21:55Z"),
        properties: {
          order_id: "000000101",
          total: 1250.5,
          revenue: 1250.5,
          subtotal: 1240.5,
          shipping: 10,
          refunded: 0,
          currency: "USD",
          status: "complete",
        },
      },
    ]);
    expect((await ordersOf("alan@example.com")).map((o) => o.name)).toEqual(["Order Refunded", "Order Cancelled"]);
  });

  it("HubSpot contacts, Mailchimp audiences and Klaviyo profiles: their consent, ids as text, dates typed", async () => {
    const hubspot = await importFixture("hubspot-contacts.csv");
    expect(hubspot.suggestion.format?.label).toBe("HubSpot contacts export");
    expect(hubspot.job).toMatchObject({ status: "completed", importedRows: 2, failedRows: 0 });
    expect((await profileOf("katherine@example.com")).traits).toEqual({
      email: "katherine@example.com",
      phone: "+17575550123",
      first_name: "Katherine",
      last_name: "Johnson",
      city: "Hampton",
      region: "VA",
      country: "US",
      postal_code: "23666",
      company: "NASA",
      hubspot_record_id: "51",
      lifecycle_stage: "customer",
      hubspot_created_at: "2023-09-12T14:03:00.000Z",
      last_activity_at: "2024-03-01T10:30:00.000Z",
    });
    expect(await consentOf("katherine@example.com")).toEqual([]);

    const subscribed = await importFixture("mailchimp-subscribed.csv");
    expect(subscribed.suggestion.format?.label).toBe("Mailchimp audience export (subscribed)");
    expect(subscribed.job).toMatchObject({ status: "completed", importedRows: 1, failedRows: 0 });
    expect((await profileOf("hedy@example.com")).traits).toMatchObject({
      country: "US",
      region: "CA",
      mailchimp_rating: 4,
      mailchimp_id: "123456789",
      time_zone: "America/Los_Angeles",
    });
    expect(await consentOf("hedy@example.com")).toEqual([{ purpose: "marketing", granted: true, source: "import" }]);
    const unsubscribed = await importFixture("mailchimp-unsubscribed.csv");
    expect(unsubscribed.suggestion.format?.label).toBe("Mailchimp audience export (unsubscribed)");
    // Ada agreed in the Shopify file; the unsubscribed export withdraws it
    expect(await consentOf("ada@example.com")).toEqual([
      { purpose: "marketing", granted: true, source: "import" },
      { purpose: "marketing", granted: false, source: "import" },
    ]);

    const klaviyo = await importFixture("klaviyo-profiles.csv");
    expect(klaviyo.suggestion.format?.label).toBe("Klaviyo profiles export");
    expect(klaviyo.job).toMatchObject({ status: "completed", importedRows: 2, failedRows: 0 });
    expect((await profileOf("barbara@example.com")).traits).toMatchObject({
      company: "Cornell",
      country: "US",
      klaviyo_id: "01HQ8ZKLAVIYO0001",
      signup_source: "Checkout",
      klaviyo_created_at: "2023-08-15T13:45:00.000Z",
    });
    expect(await consentOf("barbara@example.com")).toEqual([{ purpose: "marketing", granted: true, source: "import" }]);
    expect(await consentOf("chien@example.com")).toEqual([{ purpose: "marketing", granted: false, source: "import" }]);
  });

  it("changes nothing when every export is imported again", async () => {
    const before = await snapshot();
    for (const name of [
      "shopify-customers.csv",
      "shopify-orders.csv",
      "woocommerce-customers.csv",
      "woocommerce-orders.csv",
      "magento-customers.csv",
      "magento-orders.csv",
      "hubspot-contacts.csv",
      "mailchimp-subscribed.csv",
      "mailchimp-unsubscribed.csv",
      "klaviyo-profiles.csv",
    ]) {
      const { job, check } = await importFixture(name);
      expect({ name, status: job.status, failedRows: job.failedRows }).toEqual({
        name,
        status: "completed",
        failedRows: 0,
      });
      expect({ name, ...check.profiles, ...check.events, consent: check.consentChanges }).toEqual({
        name,
        created: 0,
        merged: 0,
        changed: 0,
        unchanged: expect.any(Number),
        new: 0,
        alreadyImported: check.importableRows > 0 ? expect.any(Number) : 0,
        droppedForConsent: 0,
        consent: 0,
      });
      expect(check.events.alreadyImported).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a row joining two profiles: the dry run says merged and shows the survivor before and after", async () => {
    // customer 101 (Marie, from WooCommerce) with the email of Katherine's HubSpot contact (a profile without a
    // user id): the two profiles are one person now, and Katherine's merges into Marie's
    const file = "Customer ID,Email,First Name\n101,katherine@example.com,Katherine\n";
    const { check, job } = await importFixture("merge.csv", file);
    expect(job).toMatchObject({ status: "completed", importedRows: 1 });
    expect(check.profiles).toEqual({ created: 0, merged: 1, changed: 1, unchanged: 0 });
    const [sample] = check.samples;
    expect(sample).toMatchObject({ status: "changed", label: "katherine@example.com" });
    expect(sample!.before!.traits).toMatchObject({ first_name: "Marie" });
    // the survivor as the import left it: the two profiles' traits combined, each by its last write
    const survivor = await profileOf("katherine@example.com");
    expect(sample!.profileId).toBe(survivor.id);
    expect(survivor.identities.find((i) => i.type === "user_id")?.value).toBe("101");
    expect(sample!.after.traits).toEqual(survivor.traits);
    expect(survivor.traits).toMatchObject({ first_name: "Katherine", company: "NASA", order_count: 4 });
  });

  it("refuses a customers import of an orders export before writing anything; no name becomes an order number", async () => {
    const before = await snapshot();
    const { text } = await suggestionOf("shopify-orders.csv");
    const headers = (parse(text, { bom: true, to: 1 }) as string[][])[0]!;
    const rows: Record<string, string>[] = parse(text, { columns: true, bom: true, to: 5 });
    // as a marketer who left the kind at Customers would map it
    const asCustomers = suggestMapping(headers, rows, "customers");
    expect(asCustomers.format).toBeNull();
    expect(asCustomers.mapping.columns.Name).toBe("name");
    const job = await runImport({
      workspace,
      userId,
      fileName: "orders-as-customers.csv",
      mapping: importMappingSchema.parse({ ...asCustomers.mapping, defaultCurrency: "USD" }),
      body: new Blob([text]).stream(),
    });
    expect(job).toMatchObject({ status: "failed", importedRows: 0 });
    const check = await checkImport({
      workspace,
      mapping: importMappingSchema.parse({ ...asCustomers.mapping, defaultCurrency: "USD" }),
      body: new Blob([text]).stream(),
    });
    expect(check).toMatchObject<Partial<ImportCheckOutcome>>({
      readable: false,
      problem: "This file looks like a Shopify orders export: import it as orders, not customers",
      totalRows: 0,
    });
    expect(job.issues).toEqual([
      {
        line: 1,
        field: "kind",
        reason: "This file looks like a Shopify orders export: import it as orders, not customers",
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });
});
