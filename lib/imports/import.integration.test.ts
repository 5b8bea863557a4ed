import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { storedIdentityValue } from "@/lib/identity/normalize";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { issuesToCsv } from "./report";
import { runImport } from "./runtime/run-import";
import type { ImportMapping } from "./schema";

const CUSTOMERS = [
  "Email,Phone,Full name,Country,Tier,Newsletter",
  "ada@example.com,020 7946 0958,Ada Lovelace,United Kingdom,gold,true",
  "not-an-email,,Bad Email,FR,silver,false",
  "GRACE@example.com ,+1 415 555 0100,Grace Hopper,USA,platinum,false",
  ",,No Identity,DE,none,false",
  " Ada@Example.com,,Ada L.,GB,platinum,true",
  "linus@example.com,12,Linus,Atlantis,none,false",
].join("\n");

const ORDERS = [
  "order,customer,placed,amount,currency",
  'A-1,ada@example.com,2026-11-01,"1,234.50",',
  "A-2,grace@example.com,02/11/2026,€99,",
  "A-3,ada@example.com,2026-13-01,10,",
  'A-1,ada@example.com,2026-11-01,"1,234.50",',
  "A-4,nobody@example.com,2026-11-03,5.00,XYZ",
].join("\n");

const stream = (text: string) => new Blob([text]).stream();
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

let workspace: { id: string; identitySalt: string; storePlainPii: boolean };
let userId: string;
const customersMapping: ImportMapping = {
  kind: "customers",
  columns: {
    Email: "email",
    Phone: "phone",
    "Full name": "name",
    Country: "country",
    Tier: "trait:loyalty_tier",
    Newsletter: "trait:newsletter",
  },
  traitTypes: { Newsletter: "boolean" },
  dateOrder: "dmy",
  defaultCurrency: "USD",
  decimal: "point",
};
const ordersMapping: ImportMapping = {
  kind: "orders",
  columns: { order: "order_id", customer: "email", placed: "date", amount: "total", currency: "currency" },
  traitTypes: {},
  dateOrder: "dmy",
  defaultCurrency: "USD",
  decimal: "point",
};
const profileOfEmail = async (email: string) => {
  const identity = await db.identity.findUnique({
    where: {
      workspaceId_type_value: {
        workspaceId: workspace.id,
        type: "email",
        value: storedIdentityValue("email", email, workspace.identitySalt)!,
      },
    },
  });
  return identity
    ? db.profile.findUniqueOrThrow({ where: { id: identity.profileId }, include: { identities: true } })
    : null;
};
const snapshot = async () => ({
  profiles: await db.profile.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { id: "asc" },
    select: { id: true, traits: true, traitTimestamps: true, orders: true, revenue: true, eventCount: true },
  }),
  identities: await db.identity.count({ where: { workspaceId: workspace.id } }),
  events: await db.event.count({ where: { workspaceId: workspace.id } }),
});

beforeAll(async () => {
  const fixture = await createTestWorkspace("Imports", ["editor"]);
  workspace = fixture.workspace;
  userId = fixture.member("editor").userId;
});
afterAll(() => closePgPool());

describe("CSV import", () => {
  it("imports customers: good rows become profiles, duplicates merge by identity, bad rows are reported", async () => {
    const job = await runImport({
      workspace,
      userId,
      fileName: "crm.csv",
      mapping: customersMapping,
      body: stream(CUSTOMERS),
      declaredSha256: sha(CUSTOMERS),
    });
    expect(job).toMatchObject({
      status: "completed",
      totalRows: 6,
      importedRows: 3,
      failedRows: 3,
      fileSha256: sha(CUSTOMERS),
    });
    expect(job.issues).toEqual([
      { line: 3, field: "email", reason: "“not-an-email” is not an email address" },
      { line: 5, field: "email", reason: "the row has no email, phone or user_id to identify the customer" },
      { line: 7, field: "country", reason: "“Atlantis” is not a country" },
      {
        line: 7,
        field: "phone",
        reason: "“12” is not a valid phone number (add the country prefix, e.g. +44, or set a default country)",
      },
    ]);
    expect(issuesToCsv(job.issues as never).split("\r\n")[1]).toBe("3,email,“not-an-email” is not an email address");

    const ada = await profileOfEmail("ada@example.com");
    expect(ada?.traits).toMatchObject({
      email: "ada@example.com",
      phone: "+442079460958",
      first_name: "Ada",
      country: "GB",
      loyalty_tier: "platinum",
      newsletter: true,
    });
    expect(ada?.identities.map((i) => i.type).sort()).toEqual(["email", "phone"]);
    const grace = await profileOfEmail("grace@example.com");
    expect(grace?.traits).toMatchObject({
      first_name: "Grace",
      last_name: "Hopper",
      country: "US",
      phone: "+14155550100",
    });
    expect(await db.profile.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("imports orders onto the customers, once per order id, with normalized dates and amounts", async () => {
    const job = await runImport({
      workspace,
      userId,
      fileName: "orders.csv",
      mapping: ordersMapping,
      body: stream(ORDERS),
      declaredSha256: sha(ORDERS),
    });
    expect(job).toMatchObject({ status: "completed", totalRows: 5, importedRows: 3, failedRows: 2 });
    expect(job.issues).toEqual([
      { line: 4, field: "date", reason: "“2026-13-01” is not a date (use 2026-03-04 or 04/03/2026)" },
      { line: 6, field: "currency", reason: "“XYZ” is not a currency code" },
    ]);
    const ada = await profileOfEmail("ada@example.com");
    expect(ada).toMatchObject({ orders: 1 });
    expect(Number(ada?.revenue)).toBe(1234.5);
    const grace = await profileOfEmail("grace@example.com");
    const [order] = await db.event.findMany({
      where: { workspaceId: workspace.id, profileId: grace!.id, name: "Order Completed" },
    });
    expect(order).toMatchObject({
      messageId: "import:order:A-2",
      properties: { order_id: "A-2", revenue: 99, currency: "EUR" },
    });
    expect(order?.occurredAt.toISOString()).toBe("2026-11-02T00:00:00.000Z");
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await snapshot();
    await runImport({
      workspace,
      userId,
      fileName: "crm.csv",
      mapping: customersMapping,
      body: stream(CUSTOMERS),
      declaredSha256: sha(CUSTOMERS),
    });
    await runImport({
      workspace,
      userId,
      fileName: "orders.csv",
      mapping: ordersMapping,
      body: stream(ORDERS),
      declaredSha256: sha(ORDERS),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("reports a file that is not valid CSV", async () => {
    const job = await runImport({
      workspace,
      userId,
      fileName: "broken.csv",
      mapping: customersMapping,
      body: stream('Email,Phone\n"unterminated,1\n'),
    });
    expect(job.status).toBe("failed");
    expect((job.issues as { reason: string }[])[0]?.reason).toMatch(/could not be read further/);
  });

  it("reports cells holding U+0000 (which Postgres cannot store) by line and field, and imports the other rows", async () => {
    const file = [
      "Email,Phone,Full name,Country,Tier,Newsletter",
      "nul-ok@example.com,,Ok Row,GB,gold,true",
      "nul-bad@example.com,,Bad\u0000Name,GB,gold\u0000,true",
    ].join("\n");
    const job = await runImport({
      workspace,
      userId,
      fileName: "nul.csv",
      mapping: customersMapping,
      body: stream(file),
    });
    expect(job).toMatchObject({ status: "completed", totalRows: 2, importedRows: 1, failedRows: 1 });
    expect(job.issues).toEqual([
      { line: 3, field: "name", reason: "must not contain the NUL character (U+0000)" },
      { line: 3, field: "trait:loyalty_tier", reason: "must not contain the NUL character (U+0000)" },
    ]);
    expect(await profileOfEmail("nul-ok@example.com")).not.toBeNull();
    expect(await profileOfEmail("nul-bad@example.com")).toBeNull();
  });
});
