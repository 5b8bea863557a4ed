import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { query, queryOne } from "./support/database";
import { signIn } from "./support/session";

/** Creates an API key in Settings → API keys as the signed-in admin, and returns the secret shown once. */
async function createKey(page: Page, name: string, kind: "client" | "write" | "admin"): Promise<string> {
  await page.goto("/w/demo/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Type").selectOption(kind);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("Your new key").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  return key;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A storefront's decide call for one visitor asking for one flag: its answer (the holdout gets the control's value, not in the experiment). */
async function flagFor(request: APIRequestContext, clientKey: string, anonymousId: string, flag: string) {
  const response = await request.post("/api/v1/decide", {
    headers: bearer(clientKey),
    data: { anonymousId, experiments: [flag] },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    experiments?: Record<string, { variation: string; value: unknown; inExperiment: boolean }>;
  };
  return body.experiments?.[flag] ?? null;
}

/*
 * The whole loop as a retailer runs it, through the public doors only: keys made in the dashboard, a flag test
 * made and started through the admin API, 400 visitors deciding with the storefront's client key, orders sent
 * by the checkout server's write key (one visitor in five buys under the control, one in two under the new copy),
 * then the results page read by a marketer (its numbers are the counts made here), Roll out, and the storefront
 * served the winner.
 */
test("a flag test fed through /decide and /track reads as a win with the counts sent, and rolling it out serves the winner", async ({
  page,
  request,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const flag = `e2e-checkout-copy-${stamp}`;
  await signIn(page, "admin");
  const clientKey = await createKey(page, `Storefront ${stamp}`, "client");
  const writeKey = await createKey(page, `Checkout server ${stamp}`, "write");
  const adminKey = await createKey(page, `Experiment scripts ${stamp}`, "admin");

  const { id: purchase } = await queryOne<{ id: string }>(
    `SELECT g.id FROM goals g JOIN workspaces w ON w.id = g.workspace_id AND w.slug = 'demo' WHERE g.name = 'Purchase'`,
  );
  const created = await request.post("/api/v1/experiments", {
    headers: bearer(adminKey),
    data: {
      key: flag,
      name: `Checkout button copy ${stamp}`,
      type: "flag",
      variations: [
        { key: "control", name: "Buy now", value: "Buy now" },
        { key: "urgent", name: "Ships today", value: "Buy now, ships today" },
      ],
      goals: [{ goalId: purchase, role: "primary" }],
      cupedDays: 0,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const experiment = (await created.json()) as { id: string; variations: { id: string; key: string }[] };
  const started = await request.post(`/api/v1/experiments/${experiment.id}/start`, { headers: bearer(adminKey) });
  expect(started.status()).toBe(200);

  // 400 visitors ask the storefront's decision; each keeps its arm on a second visit
  const visitors = Array.from({ length: 400 }, (_, i) => `e2e-flow-${stamp}-${i}`);
  const arms = new Map<string, string>();
  for (let i = 0; i < visitors.length; i += 20) {
    const chunk = visitors.slice(i, i + 20);
    const answers = await Promise.all(chunk.map((v) => flagFor(request, clientKey, v, flag)));
    chunk.forEach((v, j) => answers[j]?.inExperiment && arms.set(v, answers[j]!.variation));
  }
  for (const v of [...arms.keys()].slice(0, 20))
    expect((await flagFor(request, clientKey, v, flag))?.variation).toBe(arms.get(v));
  const heldOut = visitors.filter((v) => !arms.has(v));
  expect(heldOut.length).toBeLessThan(60); // the demo's 5 % holdout: about 20 of 400
  const inArm = (key: string) => [...arms.entries()].filter(([, arm]) => arm === key).map(([v]) => v);
  const control = inArm("control");
  const urgent = inArm("urgent");
  expect(control.length).toBeGreaterThan(150); // the 5 % holdout takes some, an even split the rest
  expect(urgent.length).toBeGreaterThan(150);

  // the server writes assignments moments after the answers
  await expect
    .poll(
      async () =>
        (
          await queryOne<{ n: number }>("SELECT count(*)::int AS n FROM assignments WHERE experiment_id = $1", [
            experiment.id,
          ])
        ).n,
      { timeout: 20_000 },
    )
    .toBe(arms.size);

  // the checkout server reports orders after the visits
  const buyers = [...control.filter((_, i) => i % 5 === 0), ...urgent.filter((_, i) => i % 2 === 0)];
  for (let i = 0; i < buyers.length; i += 20) {
    const sent = await Promise.all(
      buyers.slice(i, i + 20).map((anonymousId) =>
        request.post("/api/v1/track", {
          headers: bearer(writeKey),
          data: {
            event: "Order Completed",
            anonymousId,
            messageId: `${anonymousId}-order`,
            properties: { revenue: 42, currency: "USD" },
          },
        }),
      ),
    );
    for (const answer of sent) expect(answer.status()).toBe(200);
  }
  const controlBuyers = Math.ceil(control.length / 5);
  const urgentBuyers = Math.ceil(urgent.length / 2);

  // the admin API's results count exactly what was sent
  const read = await request.get(`/api/v1/experiments/${experiment.id}/results`, { headers: bearer(adminKey) });
  expect(read.status()).toBe(200);
  const results = (await read.json()) as {
    metrics: { name: string; arms: { units: number; numerator: number; effect: { significant: boolean } | null }[] }[];
    recommendation: { verdict: string; winnerVariationId: string | null };
  };
  expect(results.metrics[0]!.name).toBe("Purchase");
  expect(results.metrics[0]!.arms.map((a) => [a.units, a.numerator])).toEqual([
    [control.length, controlBuyers],
    [urgent.length, urgentBuyers],
  ]);
  const urgentId = experiment.variations.find((v) => v.key === "urgent")!.id;
  expect(results.recommendation).toMatchObject({ verdict: "ship", winnerVariationId: urgentId });

  // the experiment page's Stop dialog quotes the results and has the winner chosen (cancelled here)
  await page.goto(`/w/demo/experiments/${experiment.id}`);
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  const stop = page.getByRole("dialog", { name: "Stop this experiment?" });
  await expect(stop.getByTestId("stop-recommendation")).toHaveText(
    /^The results say: Ships today beats the control on Purchase: \+\d+\.\d %/,
    { timeout: 30_000 },
  );
  await expect(stop.getByRole("radio", { name: /Ships today.*recommended/ })).toBeChecked();
  await page.screenshot({ path: "test-results/stop-dialog.png" });
  await stop.getByRole("radio", { name: /No winner/ }).check();
  await expect(stop.getByRole("radio", { name: /Ships today/ })).not.toBeChecked();
  await stop.getByRole("button", { name: "Cancel" }).click();
  await expect(stop).toBeHidden();

  // a marketer reads the same on the results page, and rolls the winner out
  await page.goto(`/w/demo/experiments/${experiment.id}/results`);
  const recommendation = page.getByTestId("recommendation");
  await expect(recommendation.getByTestId("verdict")).toHaveText(/Ship it/, { timeout: 30_000 });
  await expect(recommendation).toContainText("Ships today");
  const rows = page.getByRole("region", { name: "Purchase", exact: true }).getByTestId("metric-row");
  await expect(rows.nth(0)).toContainText(`${controlBuyers} / ${control.length}`);
  await expect(rows.nth(1)).toContainText(`${urgentBuyers} / ${urgent.length}`);
  await expect(rows.nth(1).getByTestId("lift")).toHaveText(/^\+\d+\.\d %/);
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.screenshot({ path: "test-results/results-flow.png", fullPage: true });
  await recommendation.getByRole("button", { name: "Roll out Ships today" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Stop and roll out Ships today" }).click();
  await expect(page.getByText("Ships today rolled out")).toBeVisible();
  const row = await queryOne<{ status: string; winner_variation_id: string }>(
    "SELECT status::text, winner_variation_id FROM experiments WHERE id = $1",
    [experiment.id],
  );
  expect(row).toEqual({ status: "stopped", winner_variation_id: urgentId });

  // the storefront now answers the winner to everyone the test targets, also to visitors it had put in the control
  await expect
    .poll(async () => (await flagFor(request, clientKey, control[0]!, flag))?.variation, { timeout: 15_000 })
    .toBe("urgent");
  expect((await flagFor(request, clientKey, control[1]!, flag))?.value).toBe("Buy now, ships today");

  // the keys made for this spec are revoked, so the demo keeps only its own
  await query("UPDATE api_keys SET revoked_at = now() WHERE name LIKE $1", [`% ${stamp}`]);
});
