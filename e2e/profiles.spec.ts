import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";
import { signIn } from "./support/session";

/** The demo's busiest identified buyer: enough events for several timeline pages. */
async function busyBuyer() {
  return queryOne<{ id: string; email: string; name: string; user_id: string; events: number; orders: number }>(
    `SELECT p.id, p.traits->>'email' AS email, concat_ws(' ', p.traits->>'first_name', p.traits->>'last_name') AS name,
            (SELECT value FROM identities i WHERE i.profile_id = p.id AND i.type = 'user_id') AS user_id,
            (SELECT count(*)::int FROM events e WHERE e.profile_id = p.id) AS events,
            (SELECT count(*)::int FROM events e WHERE e.profile_id = p.id AND e.name = 'Order Completed') AS orders
     FROM profiles p JOIN workspaces w ON w.id = p.workspace_id
     WHERE w.slug = 'demo' AND p.traits ? 'email' AND p.orders > 0
     ORDER BY p.event_count DESC, p.id LIMIT 1`,
  );
}

test("a marketer finds a profile by email, reads its identities and pages through its timeline", async ({ page }) => {
  const buyer = await busyBuyer();
  expect(buyer.events).toBeGreaterThan(50);
  await signIn(page, "admin");
  await page.goto("/w/demo/profiles");
  await page.getByLabel("Search profiles").fill(buyer.email.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the one match
  await page.getByRole("link", { name: buyer.name }).click();

  await expect(page).toHaveURL(new RegExp(`/w/demo/profiles/${buyer.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: buyer.name })).toBeVisible();
  const identities = page.getByRole("list", { name: "Identities" });
  await expect(identities).toContainText("email (hashed)");
  await expect(identities).toContainText(buyer.email);
  await expect(identities).toContainText(buyer.user_id);
  await expect(page.getByRole("group", { name: "Orders", exact: true })).toContainText(String(buyer.orders));

  const events = page.getByRole("list", { name: "Events" }).getByRole("listitem");
  await expect(events).toHaveCount(50);
  // Scrolling to the end of the list loads the next page by itself.
  const more = page.getByRole("button", { name: "Load more" });
  await more.scrollIntoViewIfNeeded();
  await expect(events).toHaveCount(Math.min(buyer.events, 100));
  // Then the button loads the rest (it is disabled while a page is on its way, hence the retries).
  await expect(async () => {
    if (await more.isVisible()) await more.click({ timeout: 1_000 });
    expect(await events.count()).toBe(buyer.events);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText(`${buyer.events.toLocaleString("en-US")} events: the whole history.`)).toBeVisible();

  await page.getByLabel("Event", { exact: true }).selectOption("Order Completed");
  await expect(events).toHaveCount(Math.min(buyer.orders, 50));
  for (const text of await events.allInnerTexts()) expect(text).toContain("Order Completed");
  await events.first().getByText("Properties and context").click();
  await expect(events.first().locator("pre")).toContainText('"revenue"');
});

test("a marketer chooses the list's columns, kept in the URL", async ({ page }) => {
  const { tier } = await queryOne<{ tier: string }>(
    `SELECT traits->>'loyalty_tier' AS tier FROM profiles p JOIN workspaces w ON w.id = p.workspace_id
     WHERE w.slug = 'demo' AND traits->>'loyalty_tier' IN ('silver', 'gold', 'platinum') GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  await signIn(page, "admin");
  await page.goto("/w/demo/profiles");
  await expect(page.getByRole("columnheader", { name: "Sessions" })).toHaveCount(0);
  await page.getByRole("button", { name: "Columns" }).click();
  const dialog = page.getByRole("dialog", { name: "Columns" });
  await dialog.getByRole("checkbox", { name: "Sessions", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "loyalty_tier", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "city", exact: true }).uncheck();
  await dialog.getByRole("button", { name: "Apply" }).click();

  await expect(page).toHaveURL(/cols=email%2Ccountry%2Corders%2Clast_seen%2Csessions%2Cloyalty_tier/);
  const headers = page.getByRole("columnheader");
  await expect(headers).toHaveText(["Profile", "email", "country", "Orders", "Last seen", "Sessions", "loyalty_tier"]);
  await page.reload();
  await expect(headers).toHaveText(["Profile", "email", "country", "Orders", "Last seen", "Sessions", "loyalty_tier"]);
  // A search keeps the chosen columns.
  await page.getByLabel("Search profiles").fill(tier);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${tier}`));
  await expect(headers).toHaveText(["Profile", "email", "country", "Orders", "Last seen", "Sessions", "loyalty_tier"]);
  for (const cell of await page.getByRole("row").locator("td:last-child").allInnerTexts()) expect(cell).toBe(tier);
});

test("only editors see the RFM recomputation, and it rescores the workspace", async ({ page }) => {
  const buyer = await busyBuyer();
  await signIn(page, "viewer");
  await page.goto(`/w/demo/profiles/${buyer.id}`);
  await expect(page.getByRole("group", { name: "RFM", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Recompute RFM" })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "editor");
  await page.goto(`/w/demo/profiles/${buyer.id}`);
  await page.getByRole("button", { name: "Recompute RFM" }).click();
  await expect(page.getByText(/RFM scores recomputed for \d+ buyers/)).toBeVisible();
  const { computed } = await queryOne<{ computed: boolean }>(
    "SELECT rfm_computed_at > now() - interval '1 minute' AS computed FROM profiles WHERE id = $1",
    [buyer.id],
  );
  expect(computed).toBe(true);
});

test("a profile id that is not in the workspace is not found", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/w/demo/profiles/not-a-profile");
  await expect(page.getByText("This page could not be found")).toBeVisible();
});
