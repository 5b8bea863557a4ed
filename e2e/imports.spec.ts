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
