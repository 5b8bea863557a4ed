import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

test("an admin creates an API key, sees it once, uses it, and revokes it", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/w/demo/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Give the key a name")).toBeVisible();
  await dialog.getByLabel("Name").fill("Checkout server");
  await dialog.getByLabel("Type").selectOption("write");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("Your new key").inputValue();
  expect(key).toMatch(/^wk_[0-9A-Za-z]{32}$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: /Checkout server/ });
  await expect(row).toContainText(key.slice(0, 10));
  await expect(page.getByText(key)).toHaveCount(0);

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).workspace.slug).toBe("demo");

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  const refused = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
});

test("an admin sets the keys' rate limit; a bad value is refused with why", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/w/demo/settings/api-keys");
  const limit = page.getByLabel("Requests a second per key");
  await expect(limit).toHaveValue("1000");
  await limit.fill("fast");
  await page.getByRole("button", { name: "Save limit" }).click();
  await expect(page.getByText("Enter a number of requests a second").first()).toBeVisible();
  await limit.fill("2500");
  await page.getByRole("button", { name: "Save limit" }).click();
  await expect(page.getByText("Rate limit saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Requests a second per key")).toHaveValue("2500");
  await page.getByLabel("Requests a second per key").fill("1000");
  await page.getByRole("button", { name: "Save limit" }).click();
  await expect(page.getByText("Rate limit saved")).toBeVisible();
});
