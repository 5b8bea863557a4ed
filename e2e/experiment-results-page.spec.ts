import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { query, queryOne } from "./support/database";
import { signIn } from "./support/session";

/** A demo experiment's id by its key. */
async function experimentId(key: string): Promise<string> {
  const { id } = await queryOne<{ id: string }>(
    `SELECT e.id FROM experiments e JOIN workspaces w ON w.id = e.workspace_id AND w.slug = 'demo' WHERE e.key = $1`,
    [key],
  );
  return id;
}

const VERDICTS =
  /Ship it|Guardrail hurt|Keep the control|Keep running|No difference|Sample ratio mismatch|Not enough data/;

test("a marketer reads the A/B test's results: recommendation, metric tables and plots, another engine kept in the link, a breakdown by device, a CSV", async ({
  page,
}) => {
  test.slow();
  const id = await experimentId("home-hero-headline");
  await signIn(page, "editor");
  await page.goto(`/w/demo/experiments/${id}`);
  await page.getByRole("link", { name: "Results", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${id}/results$`));

  // the recommendation, in words, with its verdict
  const recommendation = page.getByTestId("recommendation");
  await expect(recommendation).toBeVisible({ timeout: 30_000 });
  await expect(recommendation.getByTestId("verdict")).toHaveText(VERDICTS);
  await expect(recommendation.getByTestId("recommendation-text")).toContainText(/Purchase|units/);

  // the primary metric: a row per variation, the treatment's lift and interval, the forest plot and cumulative lift
  const purchase = page.getByRole("region", { name: "Purchase", exact: true });
  await expect(purchase).toBeVisible();
  await expect(purchase.getByTestId("metric-row")).toHaveCount(2);
  await expect(purchase.getByTestId("metric-row").nth(1)).toContainText("Free shipping this week");
  await expect(purchase.getByTestId("lift").first()).toHaveText(/^(\+|\u2212)?\d+\.\d %/);
  await expect(purchase.getByTestId("interval").first()).toHaveText(/ % to .* %$/);
  await expect(purchase.getByRole("columnheader", { name: "p-value", exact: true })).toBeVisible();
  const forest = purchase.getByTestId("forest-plot");
  await expect(forest).toBeVisible();
  await expect(forest.locator("svg circle").first()).toBeVisible();
  await expect(forest).toHaveAttribute("aria-label", /Free shipping this week/);
  await expect(purchase.getByTestId("cumulative-chart")).toBeVisible();
  await expect(page.getByRole("region", { name: "Revenue per order", exact: true })).toBeVisible();

  // the Bayesian engine: chance to beat the control instead of p-values, kept in the URL across a reload
  await page.getByLabel("Engine").selectOption("bayesian");
  await expect(page).toHaveURL(/[?&]engine=bayesian/);
  await expect(purchase.getByRole("columnheader", { name: "Chance to beat control" })).toBeVisible({ timeout: 30_000 });
  await expect(purchase.getByTestId("chance").first()).toHaveText(/%$/);
  await page.reload();
  await expect(page.getByLabel("Engine")).toHaveValue("bayesian");
  await expect(page.getByText(/chance to beat/i).first()).toBeVisible({ timeout: 30_000 });

  // a breakdown of the primary metric by device
  await page.getByLabel("Breakdown").selectOption("device");
  await expect(page).toHaveURL(/[?&]dimension=device/);
  const breakdown = page.getByTestId("dimension-card");
  await expect(breakdown).toBeVisible({ timeout: 30_000 });
  await expect(breakdown.getByRole("columnheader", { name: "Device" })).toBeVisible();
  await expect(breakdown.getByTestId("dimension-row").first()).toBeVisible();
  await expect(breakdown.getByText(/Desktop|Mobile|Tablet/).first()).toBeVisible();
  await expect(page).toHaveURL(/engine=bayesian/);

  // the metric table as a CSV: a header and a row per variation, with the Bayesian columns
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    purchase.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("home-hero-headline-purchase.csv");
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toContain("Chance to beat control");
  expect(lines[2]).toContain("Free shipping this week");

  // the dashboard scrolls inside its main column, so a tall window shows the whole page
  await page.setViewportSize({ width: 1440, height: 3400 });
  await page.screenshot({ path: "test-results/results-page.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // a hand-edited link: a form message, defaults for what it cannot use, the results still shown
  await page.goto(`/w/demo/experiments/${id}/results?alpha=abc&engine=magic&mde=9`);
  await expect(page.getByTestId("url-errors")).toContainText("confidence");
  await expect(page.getByTestId("url-errors")).toContainText("engine");
  await expect(page.getByTestId("url-errors")).toContainText("minimum detectable effect");
  await expect(page.getByTestId("recommendation")).toBeVisible({ timeout: 30_000 });
});

test("a multivariate test's results show its factors, main effects and interaction", async ({ page }) => {
  const id = await experimentId("service-promises");
  await signIn(page, "viewer");
  await page.goto(`/w/demo/experiments/${id}/results`);
  const factorial = page.getByRole("region", { name: "Factors and interactions" });
  await expect(factorial).toBeVisible({ timeout: 30_000 });
  await expect(factorial.getByText("Main effect").first()).toBeVisible();
  await expect(factorial.getByText("Interaction", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Purchase", exact: true }).getByTestId("metric-row")).toHaveCount(4);
  await page.setViewportSize({ width: 1440, height: 3400 });
  await page.screenshot({ path: "test-results/results-page-multivariate.png", fullPage: true });
  // a viewer reads, and is offered no rollout or default change
  await expect(page.getByRole("button", { name: /^Roll out/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Make default for this experiment" })).toHaveCount(0);
});

test("an admin sets the workspace's default engine and an editor fixes one for an experiment; results pages follow", async ({
  page,
}) => {
  const id = await experimentId("cart-nudge-aa");
  try {
    await signIn(page, "admin");
    await page.goto("/w/demo/settings/data");
    const setting = page.getByRole("region", { name: "Experiment results" });
    await setting.getByLabel("Default engine").selectOption("sequential");
    await setting.getByRole("button", { name: "Save default engine" }).click();
    await expect(page.getByText("Experiments are read Sequential by default")).toBeVisible();
    await page.goto(`/w/demo/experiments/${id}/results`);
    await expect(page.getByLabel("Engine")).toHaveValue("sequential");
    await expect(page.getByLabel("Engine").locator("option:checked")).toHaveText("Sequential (default)");
    await expect(page.getByRole("region", { name: "Purchase", exact: true })).toContainText("confidence sequence", {
      timeout: 30_000,
    });

    // this experiment is read the Bayesian way from now on, whoever opens it without an engine in the link
    await page.getByLabel("Engine").selectOption("bayesian");
    await page.getByRole("button", { name: "Make default for this experiment" }).click();
    await expect(page).not.toHaveURL(/engine=/);
    await expect(page.getByLabel("Engine").locator("option:checked")).toHaveText("Bayesian (default)");
    await expect(page.getByRole("button", { name: "Make default for this experiment" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel("Engine")).toHaveValue("bayesian");

    // and back: it follows the workspace's default again
    await expect(page.getByTestId("own-engine")).toHaveText(
      /This experiment chose Bayesian for itself; the workspace's default is Sequential\./,
    );
    await page.getByRole("button", { name: "Follow the workspace's default" }).click();
    await expect(page.getByTestId("own-engine")).toHaveCount(0);
    await expect(page.getByLabel("Engine").locator("option:checked")).toHaveText("Sequential (default)");
    expect(
      await queryOne<{ stats_engine: string | null }>("SELECT stats_engine FROM experiments WHERE id = $1", [id]),
    ).toEqual({ stats_engine: null });
  } finally {
    await query("UPDATE experiments SET stats_engine = NULL WHERE id = $1", [id]);
    await query("UPDATE workspaces SET stats_engine = 'frequentist' WHERE slug = 'demo'");
  }
});
