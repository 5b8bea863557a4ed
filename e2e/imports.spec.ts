import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

const CSV = [
  "Email,Full name,Country,Tier",
  "marie.curie@import.test,Marie Curie,France,crm-vip",
  "bad-email,Nobody,FR,crm-none",
  "pierre.curie@import.test,Pierre Curie,FRA,crm-regular",
].join("\n");

test("an editor imports customers from a CSV, reads the report, and finds the new profiles", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/w/demo/settings/data");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "crm-export.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await expect(page.getByLabel("Field for column Email")).toHaveValue("email");
  await expect(page.getByLabel("Field for column Full name")).toHaveValue("name");
  await expect(page.getByLabel("Field for column Tier")).toHaveValue("trait:Tier");
  await expect(page.getByRole("cell", { name: /marie\.curie@import\.test/ })).toBeVisible();

  await page.getByRole("button", { name: "Check the file" }).click();
  const check = page.getByRole("region", { name: "Check result" });
  await expect(check).toContainText("2 of 3 rows would import, 1 would be refused");
  await expect(check.getByRole("row", { name: /3\s+email\s+“bad-email” is not an email address/ })).toBeVisible();
  const download = page.waitForEvent("download");
  await check.getByRole("button", { name: "Download every one (CSV)" }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("refused-rows.csv");
  expect(readFileSync(await saved.path(), "utf8")).toBe(
    "line,field,reason\r\n3,email,“bad-email” is not an email address\r\n",
  );

  await page.getByRole("button", { name: "Import 3 rows" }).click();
  const result = page.getByRole("region", { name: "Import result" });
  await expect(result).toContainText("2 of 3 rows imported, 1 with problems");
  await expect(result.getByRole("row", { name: /3\s+email\s+“bad-email” is not an email address/ })).toBeVisible();

  const reportHref = await result.getByRole("link", { name: "Download the report (CSV)" }).getAttribute("href");
  const report = await page.request.get(reportHref!);
  expect(report.headers()["content-type"]).toContain("text/csv");
  expect(await report.text()).toBe("line,field,reason\r\n3,email,“bad-email” is not an email address\r\n");
  await expect(page.getByRole("row", { name: /crm-export\.csv/ })).toContainText("completed");

  await page.goto("/w/demo/profiles?q=marie.curie%40import.test");
  await expect(
    page
      .getByRole("link", { name: /Marie Curie/ })
      .or(page.getByRole("cell", { name: "Marie Curie" }))
      .first(),
  ).toBeVisible();
});

test("a Shopify orders export left at Customers is recognized, checked, imported, and checked again", async ({
  page,
}) => {
  // the fixture with this run's own order numbers and customers, so that the demo database may have seen others
  const run = String(Date.now() % 1e9);
  const file = readFileSync(path.join(process.cwd(), "lib/imports/testing/fixtures/shopify-orders.csv"), "utf8")
    .replaceAll("@example.com", `@shop-${run}.test`)
    .replaceAll("#100", `#${run}`);
  await signIn(page, "editor");
  await page.goto("/w/demo/settings/data");
  await expect(page.getByLabel("What the file holds")).toHaveValue("customers");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "orders_export_1.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await expect(page.getByRole("status").filter({ hasText: "Shopify orders export recognized" })).toBeVisible();
  await expect(page.getByLabel("What the file holds")).toHaveValue("orders");
  await expect(page.getByLabel("Field for column Name")).toHaveValue("order_id");
  await expect(page.getByLabel("Field for column Lineitem sku")).toHaveValue("item_sku");
  await page.screenshot({ path: "test-results/import-wizard.png", fullPage: true });

  // forced back to Customers, the wizard says why that is wrong
  await page.getByLabel("What the file holds").selectOption("customers");
  const warning = page.getByRole("alert").filter({ hasText: "Check the mapping before importing" });
  await expect(warning).toContainText("This file looks like a Shopify orders export: import it as orders");
  await expect(warning).toContainText(`Column “Name” holds order numbers (#${run}1) but is mapped to name`);
  await page.getByLabel("What the file holds").selectOption("orders");
  await expect(warning).toHaveCount(0);

  await page.getByRole("button", { name: "Check the file" }).click();
  const check = page.getByRole("region", { name: "Check result" });
  await expect(check).toContainText("The file was checked; nothing was written. 5 of 5 rows would import");
  const figures = check.getByRole("list", { name: "What the import would do" });
  for (const figure of [
    "3 profiles created",
    "0 profiles changed",
    "4 new events",
    "2 orders",
    "5 order items",
    "1 refunded (no revenue)",
    "1 cancelled (no revenue)",
  ])
    await expect(figures).toContainText(figure);
  await expect(check).toContainText("USD 1,218.70");
  await expect(check.getByText("new profile").first()).toBeVisible();
  await check.screenshot({ path: "test-results/import-check.png" });
  await expect(page.getByRole("row", { name: /orders_export_1\.csv/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Import 5 rows" }).click();
  await expect(page.getByRole("region", { name: "Import result" })).toContainText(
    "5 of 5 rows imported, 0 with problems",
  );
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(figures).toContainText("0 profiles created");
  await expect(figures).toContainText("0 new events");
  await expect(figures).toContainText("4 already imported");

  // and undone from the history: the three new customers and their four orders go
  const row = page.getByRole("row", { name: /orders_export_1\.csv/ });
  await row.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Undo" }).click();
  await expect(
    page.getByText("“orders_export_1.csv” undone: 4 events and 3 profiles removed, 0 profiles restored"),
  ).toBeVisible();
  await expect(row).toContainText("undone");
  await expect(row.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await page.goto(`/w/demo/profiles?q=ada%40shop-${run}.test`);
  await expect(page.getByRole("heading", { name: `No profile matches “ada@shop-${run}.test”` })).toBeVisible();
});

test("a viewer cannot import", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/w/demo/settings/data");
  await expect(page.getByText("Editors and admins can import files.")).toBeVisible();
  await expect(page.getByLabel("CSV file")).toHaveCount(0);
  const response = await page.request.post("/w/demo/settings/data/import", {
    data: CSV,
    headers: {
      "x-file-name": "x.csv",
      "x-import-mapping": Buffer.from(JSON.stringify({ kind: "customers", columns: { Email: "email" } })).toString(
        "base64",
      ),
    },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
  const check = await page.request.post("/w/demo/settings/data/import/check", {
    data: CSV,
    headers: {
      "x-file-name": "x.csv",
      "x-import-mapping": Buffer.from(JSON.stringify({ kind: "customers", columns: { Email: "email" } })).toString(
        "base64",
      ),
    },
  });
  expect(check.status()).toBe(403);
});

test("a bad import request is refused with the field and the reason", async ({ page }) => {
  await signIn(page, "editor");
  const post = (mapping: unknown, fileName = "x.csv") =>
    page.request.post("/w/demo/settings/data/import", {
      data: CSV,
      headers: { "x-file-name": fileName, "x-import-mapping": Buffer.from(JSON.stringify(mapping)).toString("base64") },
    });
  const noIdentity = await post({ kind: "customers", columns: { "Full name": "name" } });
  expect(noIdentity.status()).toBe(400);
  expect((await noIdentity.json()).error).toMatchObject({
    code: "invalid_body",
    issues: [{ path: "columns", message: "map a column to email or phone or user_id" }],
  });
  const unknownField = await post({
    kind: "orders",
    columns: { Email: "email", Tier: "shoe_size", order: "order_id", total: "total" },
  });
  expect(unknownField.status()).toBe(400);
  expect((await unknownField.json()).error.issues).toContainEqual({
    path: "columns.Tier",
    message: "shoe_size is not an order field",
  });
  const noName = await post({ kind: "customers", columns: { Email: "email" } }, "");
  expect(noName.status()).toBe(400);
  expect((await noName.json()).error.issues).toContainEqual({ path: "fileName", message: "name the file" });
});
