import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_KEYS } from "../playwright.config";
import { queryOne } from "./support/database";
import { signIn } from "./support/session";

/** The same question as the builder's segment, asked by hand in SQL. */
const HAND_WRITTEN = `
  SELECT count(*)::int AS n FROM profiles p
  WHERE p.workspace_id = (SELECT id FROM workspaces WHERE slug = 'demo')
    AND p.traits ->> 'country' = 'DE'
    AND (
      (SELECT count(*) FROM events e WHERE e.workspace_id = p.workspace_id AND e.profile_id = p.id AND e.name = 'Product Viewed'
         AND e.properties ->> 'category' = 'shoes' AND e.occurred_at > now() - interval '7 days' AND e.occurred_at <= now()) >= 3
      OR (SELECT coalesce(sum((e.properties ->> 'revenue')::numeric), 0) FROM events e WHERE e.workspace_id = p.workspace_id AND e.profile_id = p.id
         AND e.name = 'Order Completed' AND jsonb_typeof(e.properties -> 'revenue') = 'number' AND e.occurred_at > now() - interval '90 days' AND e.occurred_at <= now()) > 200
    )`;

/**
 * The locator shows the hand-written query's count. Asked again on each try:
 * the count is the database's at that moment, whichever moment the page
 * computed its figure.
 */
async function expectHandWrittenCount(locator: Locator) {
  await expect(async () => {
    const expected = (await queryOne<{ n: number }>(HAND_WRITTEN)).n;
    expect(expected).toBeGreaterThan(0);
    const figure = expected.toLocaleString("en-US");
    await expect(locator).toHaveText(new RegExp(`(^|[^\\d,])${figure}([^\\d,]|$)`), { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

const addCondition = async (group: Locator, type: string) => {
  await group.getByRole("button", { name: "Add condition" }).last().click();
  await group.page().getByRole("menuitem", { name: type, exact: true }).click();
};
const lastCondition = (scope: Locator) => scope.getByTestId("condition").last();

async function buildRule(page: Page) {
  const root = page.getByTestId("group").first();
  await addCondition(root, "Trait");
  const trait = lastCondition(root);
  await trait.getByLabel("Trait").fill("country");
  await trait.getByLabel("Value", { exact: true }).fill("DE");

  await root.getByRole("button", { name: "Add group" }).last().click();
  const nested = root.getByTestId("group").last();
  await nested.getByLabel("Match").selectOption("or");

  await addCondition(nested, "Behavior");
  const viewed = lastCondition(nested);
  await viewed.getByLabel("Event").fill("Product Viewed");
  await viewed.getByLabel("Times").fill("3");
  await viewed.getByLabel("Days", { exact: true }).fill("7");
  await viewed.getByRole("button", { name: "Add filter" }).click();
  await viewed.getByLabel("Filter 1 property").fill("category");
  await viewed.getByLabel("Filter 1 value", { exact: true }).fill("shoes");

  await addCondition(nested, "Aggregate");
  const spent = lastCondition(nested);
  await spent.getByLabel("Event").fill("Order Completed");
  await spent.getByLabel("Function").selectOption("sum");
  await spent.getByLabel("Property").fill("revenue");
  await spent.getByLabel("Operator").selectOption("gt");
  await spent.getByLabel("Value", { exact: true }).fill("200");
  await spent.getByLabel("Days", { exact: true }).fill("90");
}

/**
 * A German visitor who viewed shoes three times just now, sent through the
 * event API: the demo's rows depend on the day it was seeded on, and on some
 * days no demo profile matches the rule, which would make the comparison
 * say nothing.
 */
async function sendGermanShoeFan(page: Page) {
  const userId = `e2e-de-shoes-${Date.now()}`;
  const viewed = {
    type: "track",
    userId,
    event: "Product Viewed",
    properties: { category: "shoes", sku: "e2e-runner" },
  };
  const response = await page.request.post("/api/v1/batch", {
    headers: { authorization: `Bearer ${E2E_KEYS.write}` },
    data: { batch: [{ type: "identify", userId, traits: { country: "DE" } }, viewed, viewed, viewed] },
  });
  expect(response.status()).toBe(200);
}

test("a marketer builds a segment, watches its size, saves it and finds it in the list with that size", async ({
  page,
}) => {
  await sendGermanShoeFan(page);
  await signIn(page, "editor");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
  await page.getByRole("link", { name: "New segment" }).first().click();
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();
  const name = `German shoe fans or big spenders ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await buildRule(page);

  await expectHandWrittenCount(page.getByTestId("segment-size"));
  await expect(page.getByTestId("segment-share")).toContainText("%");
  await expect(page.getByText(/can be personalized/)).toBeVisible();

  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("rule-in-words")).toContainText('country is "DE"');
  await expectHandWrittenCount(page.getByRole("group", { name: "Members" }));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expectHandWrittenCount(row.getByTestId("segment-list-size"));
});

test("the builder says what is missing, next to the field", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/w/demo/segments/new");
  const root = page.getByTestId("group").first();
  await addCondition(root, "Computed value");
  await expect(page.getByText("Enter a number")).toBeVisible();
  await expect(lastCondition(root).getByLabel("Value", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Name").fill("Incomplete");
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();
});

test("templates start a segment, and viewers can look but not change", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/w/demo/segments");
  await expect(page.getByRole("link", { name: "New segment" })).toHaveCount(0);
  await page.getByRole("link", { name: "At-risk customers" }).click();
  await expect(page.getByTestId("rule-in-words")).toContainText("Order Completed");
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
});
