import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { query, queryOne } from "./support/database";
import { signIn } from "./support/session";
import { STORE_URL } from "../playwright.config";

/** The demo's figures over local days [from, to] in a time zone, counted here by a query of its own (README: Overview). */
async function figuresInDatabase(from: string, to: string, timeZone: string) {
  return queryOne<{ visitors: number; buyers: number; orders: number; revenue: string }>(
    `WITH ev AS (
       SELECT e.profile_id, e.name, e.properties FROM events e JOIN workspaces w ON w.id = e.workspace_id
       WHERE w.slug = 'demo' AND e.type IN ('page', 'screen', 'track')
         AND (e.occurred_at AT TIME ZONE $3)::date BETWEEN $1::date AND $2::date
     )
     SELECT count(DISTINCT profile_id)::int AS visitors,
            count(DISTINCT profile_id) FILTER (WHERE name = 'Order Completed')::int AS buyers,
            count(*) FILTER (WHERE name = 'Order Completed')::int AS orders,
            round(coalesce(sum((properties->>'revenue')::numeric) FILTER (WHERE name = 'Order Completed'), 0))::text AS revenue
     FROM ev`,
    [from, to, timeZone],
  );
}

const figure = (page: Page, name: string) => page.getByRole("group", { name, exact: true }).getByTestId("value");
const localDay = (offsetDays: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

test("the overview's figures match the database for a chosen range, in the workspace's time zone, and download as CSV", async ({
  page,
}) => {
  await signIn(page, "admin");
  // a range that ends yesterday, so that traffic the other specs send today cannot move it
  const [from, to] = [localDay(-14, "UTC"), localDay(-1, "UTC")];
  await page.goto(`/w/demo?preset=custom&from=${from}&to=${to}`);
  const expected = await figuresInDatabase(from, to, "UTC");
  expect(expected.visitors).toBeGreaterThan(100);
  expect(expected.orders).toBeGreaterThan(10);
  await expect(figure(page, "Visitors")).toHaveText(expected.visitors.toLocaleString("en-US"), { timeout: 30_000 });
  await expect(figure(page, "Orders")).toHaveText(expected.orders.toLocaleString("en-US"));
  await expect(figure(page, "Revenue")).toHaveText(`$${Number(expected.revenue).toLocaleString("en-US")}`);
  const rate = expected.buyers / expected.visitors;
  await expect(figure(page, "Conversion rate")).toHaveText(`${(rate * 100).toFixed(rate < 0.1 ? 2 : 1)} %`);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
  await expect(page.getByTestId("last-updated")).toHaveText(/^Last updated \d\d:\d\d:\d\d$/);
  // where the figures came from: the rollup as of its last pass, or the raw events while it is (re)built
  const rollup = await queryOne<{ status: string | null }>(
    `SELECT s.status FROM workspaces w LEFT JOIN analytics_rollup_state s ON s.workspace_id = w.id WHERE w.slug = 'demo'`,
  );
  await expect(page.getByTestId("freshness")).toHaveText(
    rollup.status === "ready" ? /^Events received up to \d\d:\d\d:\d\d$/ : /^Read from the raw events/,
  );
  // the period before is compared: every figure has its change
  await expect(page.getByRole("group", { name: "Visitors", exact: true }).getByTestId("change")).toHaveText(
    /^([+\u2212]\d+\.\d|0\.0) %$/,
  );
  // personalization's lift: the holdout's exposed visitors on those days, as counted here
  const held = await queryOne<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT x.profile_id FROM exposures x JOIN workspaces w ON w.id = x.workspace_id
       WHERE w.slug = 'demo' AND x.profile_id IS NOT NULL AND (x.occurred_at AT TIME ZONE 'UTC')::date BETWEEN $1::date AND $2::date
       GROUP BY x.profile_id HAVING bool_and(x.holdout)) h`,
    [from, to],
  );
  const lift = page.getByRole("region", { name: "Personalization lift" });
  if (held.n > 0) {
    await expect(lift.getByRole("columnheader", { name: `Holdout (${held.n.toLocaleString("en-US")})` })).toBeVisible();
    await expect(lift.getByTestId("lift-row")).toHaveCount(2);
  } else await expect(lift.getByTestId("no-holdout")).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.screenshot({ path: "e2e/screenshots/overview.png", fullPage: true });
  await page.getByRole("region", { name: "Personalization lift" }).screenshot({ path: "e2e/screenshots/lift.png" });
  await page
    .getByRole("region", { name: "Content performance" })
    .screenshot({ path: "e2e/screenshots/content-performance.png" });

  // broken down by device: every visitor has one (that of their first event), so the rows add up to the figure
  const breakdown = page.getByRole("region", { name: "Breakdown" });
  await breakdown.getByLabel("Break down by").selectOption("device");
  await expect(page).toHaveURL(/by=device/);
  await expect(breakdown.getByRole("columnheader", { name: "Device" })).toBeVisible();
  const deviceVisitors = await breakdown.getByTestId("breakdown-row").getByTestId("cell-visitors").allTextContents();
  expect(deviceVisitors.reduce((n, t) => n + Number(t.replace(/,/g, "")), 0)).toBe(expected.visitors);

  // two segments compared: each row counts its members who visited on those days, as counted here
  const segments = await query<{ id: string; name: string; visitors: number }>(
    `SELECT s.id, s.name, count(DISTINCT e.profile_id)::int AS visitors
     FROM segments s JOIN workspaces w ON w.id = s.workspace_id AND w.slug = 'demo'
     LEFT JOIN segment_memberships m ON m.segment_id = s.id
       AND m.entered_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
       AND (m.exited_at IS NULL OR m.exited_at >= $1::date::timestamp AT TIME ZONE 'UTC')
     LEFT JOIN events e ON e.workspace_id = w.id AND e.profile_id = m.profile_id AND e.type IN ('page', 'screen', 'track')
       AND (e.occurred_at AT TIME ZONE 'UTC')::date BETWEEN $1::date AND $2::date
     WHERE s.archived_at IS NULL GROUP BY s.id, s.name ORDER BY count(DISTINCT e.profile_id) DESC, s.name LIMIT 2`,
    [from, to],
  );
  await breakdown.getByLabel("Break down by").selectOption("segment");
  await expect(breakdown.getByText("Choose the segments to compare")).toBeVisible();
  for (const s of segments) {
    const box = breakdown.getByRole("checkbox", { name: s.name, exact: true });
    await box.click(); // the choice goes to the URL, and the box follows it
    await expect(box).toBeChecked();
  }
  await expect(page).toHaveURL(new RegExp(`segments=${segments[0]!.id}(%2C|,)${segments[1]!.id}`));
  const segmentRows = breakdown.getByTestId("breakdown-row");
  await expect(segmentRows).toHaveCount(2);
  for (const [i, s] of segments.entries()) {
    await expect(segmentRows.nth(i).getByRole("cell").first()).toHaveText(s.name);
    await expect(segmentRows.nth(i).getByTestId("cell-visitors")).toHaveText(s.visitors.toLocaleString("en-US"));
  }

  // the CSV holds the same days and numbers
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the days as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`overview-${from}-${to}.csv`);
  const lines = (await readFile((await download.path())!, "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const header = lines[0]!.split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  expect(rows).toHaveLength(14);
  expect(rows[0]![0]).toBe(from);
  const orders = rows.reduce((n, r) => n + Number(r[header.indexOf("orders")]), 0);
  expect(orders).toBe(expected.orders);

  // a preset: the figures and the label follow
  await page.getByLabel("Date range").selectOption("7d");
  await expect(page).toHaveURL(/preset=7d/);
  await expect(page.getByTestId("range-label")).toHaveText(/ vs /);
  await page.getByLabel("Compare with").selectOption("none");
  await expect(page.getByRole("group", { name: "Visitors", exact: true }).getByTestId("change")).toHaveCount(0);

  // a reversed custom range is refused at its field, and the default range is shown meanwhile
  await page.goto(`/w/demo?preset=custom&from=${to}&to=${from}`);
  await expect(page.getByText("The last day is before the first")).toBeVisible();
  await expect(figure(page, "Visitors")).not.toHaveText("—");
});

test("an admin sets the workspace's time zone, and the overview counts its days there", async ({ page }) => {
  await signIn(page, "admin");
  try {
    await page.goto("/w/demo/settings/data");
    const setting = page.getByRole("region", { name: "Time zone" });
    await setting.getByLabel("Time zone").fill("Mars/Olympus");
    await setting.getByRole("button", { name: "Save time zone" }).click();
    await expect(setting.getByText(/“Mars\/Olympus” is not a time zone/)).toBeVisible();
    await setting.getByLabel("Time zone").fill("Pacific/Kiritimati"); // UTC+14: its day is ahead of UTC's
    await setting.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText("Days are counted in Pacific/Kiritimati")).toBeVisible();

    const [from, to] = [localDay(-10, "Pacific/Kiritimati"), localDay(-2, "Pacific/Kiritimati")];
    await page.goto(`/w/demo?preset=custom&from=${from}&to=${to}`);
    await expect(page.getByRole("link", { name: "Pacific/Kiritimati" })).toBeVisible();
    const expected = await figuresInDatabase(from, to, "Pacific/Kiritimati");
    await expect(figure(page, "Visitors")).toHaveText(expected.visitors.toLocaleString("en-US"), { timeout: 30_000 });
    await expect(figure(page, "Orders")).toHaveText(expected.orders.toLocaleString("en-US"));
  } finally {
    await query("UPDATE workspaces SET time_zone = 'UTC' WHERE slug = 'demo'");
  }
});

test("a shopper's click on the storefront's hero shows up in Content performance", async ({ page, browser }) => {
  const clicksOf = async (variantId: string) =>
    (
      await queryOne<{ n: number }>(
        `SELECT count(*)::int AS n FROM events e JOIN workspaces w ON w.id = e.workspace_id
         WHERE w.slug = 'demo' AND e.name = 'Placement Clicked' AND e.properties->>'variant_id' = $1`,
        [variantId],
      )
    ).n;
  // a shopper opens the store and clicks the hero (decided on the server, its clicks reported by the SDK)
  const shopper = await browser.newContext();
  const store = await shopper.newPage();
  await store.goto(`${STORE_URL}/demo-store`);
  const hero = store.getByTestId("home-hero");
  const variantId = (await hero.getAttribute("data-variant-id"))!;
  expect(variantId).toBeTruthy();
  await expect(hero).toHaveAttribute("data-decided", "server");
  const before = await clicksOf(variantId);
  await store.waitForFunction(
    () => "personalize" in window && !Array.isArray((window as { personalize?: unknown }).personalize),
  );
  await hero.click({ position: { x: 5, y: 5 } }); // on the hero, not on a link in it
  await store.evaluate(() => (window as unknown as { personalize: { flush(): void } }).personalize.flush());
  await expect.poll(() => clicksOf(variantId), { timeout: 15_000 }).toBe(before + 1);
  await shopper.close();
  // the dashboards read rollups, which take it in on the job's next pass (README: Rollups)
  await expect
    .poll(
      async () =>
        (
          await queryOne<{ n: number }>(
            `SELECT coalesce(sum(c.clicks), 0)::int AS n FROM content_days c JOIN workspaces w ON w.id = c.workspace_id
             WHERE w.slug = 'demo' AND c.variant_id = $1`,
            [variantId],
          )
        ).n,
      { timeout: 30_000 },
    )
    .toBe(before + 1);

  // the marketer sees it today, on that variant's row, as counted in the database
  await signIn(page, "viewer");
  await page.goto("/w/demo?preset=today");
  const row = page.locator(`[data-testid="content-row"][data-variant-id="${variantId}"]`);
  await expect(row.getByTestId("clicks")).toHaveText(
    (
      await queryOne<{ n: number }>(
        `SELECT count(*)::int AS n FROM events e JOIN workspaces w ON w.id = e.workspace_id
         WHERE w.slug = 'demo' AND e.name = 'Placement Clicked' AND e.properties->>'variant_id' = $1
           AND (e.occurred_at AT TIME ZONE 'UTC')::date = (now() AT TIME ZONE 'UTC')::date`,
        [variantId],
      )
    ).n.toLocaleString("en-US"),
    { timeout: 30_000 },
  );
  await page.getByRole("region", { name: "Personalization lift" }).screenshot({ path: "test-results/lift.png" });
  await page.getByRole("region", { name: "Content performance" }).screenshot({ path: "test-results/content.png" });
  await expect(page.getByRole("region", { name: "Content performance" })).toContainText(
    "last shown to the buyer within 7 days",
  );
});
