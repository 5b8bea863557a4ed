import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { query } from "./support/database";
import { signIn } from "./support/session";

const localDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The view → add → order funnel on the demo's days [from, to] (UTC), counted here step by step. */
async function funnelInDatabase(from: string, to: string) {
  const [row] = await query<{ viewed: number; added: number; ordered: number }>(
    `WITH ws AS (SELECT id FROM workspaces WHERE slug = 'demo'),
     s0 AS (SELECT e.profile_id, min(e.occurred_at) AS t FROM events e, ws
            WHERE e.workspace_id = ws.id AND e.name = 'Product Viewed'
              AND e.occurred_at >= $1::date AND e.occurred_at < $2::date + 1 GROUP BY e.profile_id),
     s1 AS (SELECT s0.profile_id, min(e.occurred_at) AS t FROM s0, ws, events e
            WHERE e.workspace_id = ws.id AND e.profile_id = s0.profile_id AND e.name = 'Product Added'
              AND e.occurred_at > s0.t AND e.occurred_at <= s0.t + interval '7 days' GROUP BY s0.profile_id),
     s2 AS (SELECT s1.profile_id, min(e.occurred_at) AS t FROM s1 JOIN s0 USING (profile_id), ws, events e
            WHERE e.workspace_id = ws.id AND e.profile_id = s1.profile_id AND e.name = 'Order Completed'
              AND e.occurred_at > s1.t AND e.occurred_at <= s0.t + interval '7 days' GROUP BY s1.profile_id)
     SELECT (SELECT count(*) FROM s0)::int AS viewed, (SELECT count(*) FROM s1)::int AS added,
            (SELECT count(*) FROM s2)::int AS ordered`,
    [from, to],
  );
  return row!;
}

test("a marketer builds a view → add to cart → purchase funnel, reads its conversion, splits it by device and downloads it", async ({
  page,
}) => {
  await signIn(page, "viewer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funnels" }).click();
  await expect(page.getByRole("heading", { name: "Funnels" })).toBeVisible();
  // past days, so that what other specs send today does not move the numbers
  const [from, to] = [localDay(-14), localDay(-1)];
  await page.getByLabel("Date range").selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/preset=custom/);

  // the example funnel is view → add → order; build it again by hand to be sure of the steps
  const steps = page.getByTestId("funnel-step");
  await expect(steps).toHaveCount(3);
  await steps.nth(0).getByLabel("Step 1").fill("Product Viewed");
  await steps.nth(1).getByLabel("Step 2").fill("Product Added");
  await steps.nth(2).getByLabel("Step 3").fill("Order Completed");
  await page.getByLabel("Conversion window (days)").fill("7");
  await page.getByRole("button", { name: "Show funnel" }).click();
  await expect(page).toHaveURL(/funnel=/);

  const expected = await funnelInDatabase(from, to);
  expect(expected.viewed).toBeGreaterThan(20);
  expect(expected.ordered).toBeGreaterThan(0);
  const rows = page.getByRole("region", { name: "Funnel" }).getByTestId("funnel-row");
  await expect(rows.nth(0).getByTestId("count")).toHaveText(expected.viewed.toLocaleString("en-US"), {
    timeout: 30_000,
  });
  await expect(rows.nth(1).getByTestId("count")).toHaveText(expected.added.toLocaleString("en-US"));
  await expect(rows.nth(2).getByTestId("count")).toHaveText(expected.ordered.toLocaleString("en-US"));
  await expect(rows.nth(2).getByTestId("from-first")).toHaveText(
    `${((expected.ordered / expected.viewed) * 100).toFixed(1)} %`,
  );
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.screenshot({ path: "e2e/screenshots/funnel.png", fullPage: true });

  // the CSV has the same counts
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the funnel as CSV" }).click(),
  ]);
  const csv = (await readFile((await download.path())!, "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(csv.slice(1).map((l) => Number(l.split(",")[3]))).toEqual([expected.viewed, expected.added, expected.ordered]);

  // split by device: the groups add up to the entrants
  await page.getByLabel("Split by").selectOption("device");
  await page.getByRole("button", { name: "Show funnel" }).click();
  const groups = page.getByRole("region", { name: "Funnel" }).getByTestId("funnel-group");
  await expect(groups.first()).toBeVisible();
  await expect.poll(async () => groups.count()).toBeGreaterThan(1);
  const firstCounts = await groups
    .locator('[data-testid="funnel-row"]:first-child [data-testid="count"]')
    .allTextContents();
  expect(firstCounts.reduce((n, t) => n + Number(t.replace(/,/g, "")), 0)).toBe(expected.viewed);

  // a step without an event is answered at its field, and nothing is asked of the server
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByRole("button", { name: "Show funnel" }).click();
  await expect(page.getByText("Name the event")).toBeVisible();
});
