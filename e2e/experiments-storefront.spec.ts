import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { STORE_URL } from "../playwright.config";
import { query, queryOne } from "./support/database";
import { signIn } from "./support/session";

type Arm = { key: string; heading: string };

/** The demo's running A/B test of the home hero, and each arm's headline (the `<h2>` of what it serves). */
async function heroTest(): Promise<{ id: string; name: string; arms: Arm[] }> {
  const experiment = await queryOne<{ id: string; name: string }>(
    `SELECT e.id, e.name FROM experiments e JOIN workspaces w ON w.id = e.workspace_id AND w.slug = 'demo'
     JOIN placements p ON p.id = e.placement_id AND p.key = 'home-hero'
     WHERE e.type = 'ab' AND e.status IN ('running', 'paused') ORDER BY e.created_at LIMIT 1`,
  );
  const arms = await query<{ key: string; body: string }>(
    `SELECT v.key, coalesce(t.body, d.body) AS body FROM variations v
     LEFT JOIN variants t ON t.id = v.variant_id
     JOIN experiments e ON e.id = v.experiment_id
     JOIN content_blocks b ON b.placement_id = e.placement_id AND b.is_default
     JOIN variants d ON d.content_block_id = b.id
     WHERE v.experiment_id = $1 ORDER BY v.position`,
    [experiment.id],
  );
  const heading = (body: string) => /<h2>(.*?)<\/h2>/.exec(body)?.[1] ?? body;
  return { ...experiment, arms: arms.map((a) => ({ key: a.key, heading: heading(a.body) })) };
}

/** Which arm's headline the storefront's home page shows this visitor (null: other content, e.g. another experience). */
async function armShown(request: APIRequestContext, arms: Arm[], cookie: string): Promise<string | null> {
  // the store's own origin (a redirect to it from the dashboard's would not carry a hand-set Cookie header)
  const response = await request.get(`${STORE_URL}/demo-store`, { headers: { cookie } });
  expect(response.status()).toBe(200);
  const html = await response.text();
  const hero = /data-testid="home-hero"[\s\S]*?<h2>(.*?)<\/h2>/.exec(html)?.[1] ?? "";
  return arms.find((a) => hero.includes(a.heading))?.key ?? null;
}

async function heroArm(page: Page, arms: Arm[]): Promise<string | null> {
  const heading = (await page.getByTestId("home-hero").locator("h2").first().textContent()) ?? "";
  return arms.find((a) => heading.includes(a.heading.replace(/<[^>]+>/g, "")))?.key ?? null;
}

test("guests see both arms of the home hero test, each always the same, also once signed in; the page counts them; pausing serves the control", async ({
  page,
  browser,
}) => {
  test.slow();
  const { id, name, arms } = await heroTest();
  expect(arms.length).toBeGreaterThanOrEqual(2);
  expect(new Set(arms.map((a) => a.heading)).size).toBe(arms.length); // the arms read differently

  // many guests: both arms show, and each guest sees the same arm on every visit
  const seen = new Map<string, string>();
  const stamp = Date.now();
  for (let i = 0; i < 40; i++) {
    const cookie = `pz_aid=e2e-guest-${stamp}-${i}`;
    const first = await armShown(page.request, arms, cookie);
    if (!first) continue; // another of the hero's experiences, or the holdout's default
    for (let visit = 0; visit < 2; visit++) expect(await armShown(page.request, arms, cookie)).toBe(first);
    seen.set(cookie, first);
  }
  expect(new Set(seen.values()).size).toBe(arms.length);

  // a guest in the test signs in as a demo customer and keeps the arm
  const customer = await queryOne<{ user_id: string }>(
    `SELECT i.value AS user_id FROM identities i JOIN workspaces w ON w.id = i.workspace_id AND w.slug = 'demo'
     WHERE i.type = 'user_id' AND NOT EXISTS (SELECT 1 FROM segment_memberships m JOIN segments s ON s.id = m.segment_id
       WHERE m.profile_id = i.profile_id AND m.exited_at IS NULL AND s.name IN ('Shoe fans', 'At-risk customers', 'New visitors'))
     ORDER BY i.value LIMIT 1`,
  );
  const [guestCookie, guestArm] =
    [...seen.entries()].find(([, arm]) => arm !== arms[0]!.key) ?? [...seen.entries()][0]!;
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const shopper = await browser.newContext();
  await shopper.addCookies([{ name: "pz_aid", value: guestCookie.slice("pz_aid=".length), url: origin }]);
  const store = await shopper.newPage();
  await store.goto(`${origin}/demo-store`);
  expect(await heroArm(store, arms)).toBe(guestArm);
  await store.goto(`${origin}/demo-store/sign-in?userId=${encodeURIComponent(customer.user_id)}&next=/demo-store`);
  await expect(store).toHaveURL(/\/demo-store$/);
  expect((await shopper.cookies()).find((c) => c.name === "pz_aid")?.value).toBe(guestCookie.slice("pz_aid=".length));
  expect(await heroArm(store, arms)).toBe(guestArm);

  // the experiment page counts the exposures per variation, live
  await signIn(page, "editor");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Experiments" }).click();
  await page.getByRole("link", { name }).click();
  const exposures = async () =>
    (await page.getByTestId("exposures").allTextContents()).reduce((n, t) => n + Number(t.replace(/\D/g, "") || 0), 0);
  await expect.poll(exposures, { timeout: 15_000 }).toBeGreaterThan(0);
  const before = await exposures();
  for (let i = 0; i < 5; i++) await armShown(page.request, arms, `pz_aid=e2e-more-${stamp}-${i}`);
  await expect.poll(exposures, { timeout: 20_000 }).toBeGreaterThan(before);

  // paused, everyone is served the control; resumed, the arms again
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("paused", { exact: false }).first()).toBeVisible();
  try {
    await expect
      .poll(
        async () => {
          const shown = await Promise.all(
            [...seen.keys()].slice(0, 10).map((cookie) => armShown(page.request, arms, cookie)),
          );
          return shown.filter((s) => s !== null).every((s) => s === arms[0]!.key);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  } finally {
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  }
  await shopper.close();
  // every enrolled guest's first exposure stored its assignment, with the arm it was shown; only guests shown the
  // control's headline may lack one (the 5 % holdout gets the default, which reads like the control)
  const stored = await query<{ unit_id: string; key: string }>(
    `SELECT a.unit_id, v.key FROM assignments a JOIN variations v ON v.id = a.variation_id
     WHERE a.experiment_id = $1 AND a.unit_id LIKE $2`,
    [id, `e2e-guest-${stamp}-%`],
  );
  expect(stored.length).toBeGreaterThan(seen.size / 2);
  for (const [cookie, arm] of seen) {
    const unit = cookie.slice("pz_aid=".length);
    const assigned = stored.find((s) => s.unit_id === unit)?.key;
    expect(assigned ?? arms[0]!.key, unit).toBe(arm);
  }
});

test("a preview link made on the experiment's page shows its variation on every storefront page, records nothing, and ends with ?pz_preview=off", async ({
  page,
  browser,
}) => {
  const { id, name, arms } = await heroTest();
  const arm = arms[arms.length - 1]!;
  const variation = await queryOne<{ id: string }>(`SELECT id FROM variations WHERE experiment_id = $1 AND key = $2`, [
    id,
    arm.key,
  ]);
  await signIn(page, "editor");
  await page.goto(`/w/demo/experiments/${id}`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const card = page.getByRole("region", { name: "Preview a variation" });
  await card.getByLabel("Variation").selectOption(variation.id);
  await expect(card.getByLabel("Storefront page")).toHaveValue(/\/demo-store$/);

  // a page that is not a web address is refused by the field
  await card.getByLabel("Storefront page").fill("not a page");
  await card.getByRole("button", { name: "Make preview link" }).click();
  await expect(card.getByText("A full address")).toBeVisible();

  const origin = new URL(test.info().project.use.baseURL!).origin;
  await card.getByLabel("Storefront page").fill(`${origin}/demo-store`);
  await card.getByRole("button", { name: "Make preview link" }).click();
  const link = await card.getByLabel("Preview link").inputValue();
  expect(link).toContain("pz_preview=");

  // reviewers, each a new visitor: every one sees the previewed arm on the home page, also after another page
  const reviewer = await browser.newContext();
  const store = await reviewer.newPage();
  const units: string[] = [];
  for (let i = 0; i < 3; i++) {
    await reviewer.clearCookies();
    await store.goto(link);
    expect(await heroArm(store, arms)).toBe(arm.key);
    await store.goto(`${origin}/demo-store/cart`);
    await store.goto(`${origin}/demo-store`);
    expect(await heroArm(store, arms)).toBe(arm.key);
    units.push((await reviewer.cookies()).find((c) => c.name === "pz_aid")!.value);
  }
  // ended: the next page is an ordinary visit, recorded as such
  await store.goto(`${origin}/demo-store/cart?pz_preview=off`);
  expect((await reviewer.cookies()).some((c) => c.name === "pz_preview")).toBe(false);
  await store.goto(`${origin}/demo-store`);
  const last = units[units.length - 1]!;
  // a visitor's exposures: under its anonymous id until it has a profile, then under the profile its id resolves to
  const exposuresOf = (unit: string) =>
    query(
      `SELECT 1 FROM exposures e JOIN workspaces w ON w.id = e.workspace_id AND w.slug = 'demo'
       WHERE e.anonymous_id = $1 OR e.profile_id IN (SELECT i.profile_id FROM identities i
         WHERE i.workspace_id = w.id AND i.type = 'anonymous_id' AND i.value = $1)`,
      [unit],
    );
  await expect.poll(async () => (await exposuresOf(last)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  // by now the buffer has written what it held: the previewed visits (pages, and the cart's browser-side upsell)
  // left no exposure and no assignment behind
  for (const unit of units.slice(0, -1)) {
    expect(await exposuresOf(unit), unit).toHaveLength(0);
    expect(
      await query(`SELECT 1 FROM assignments WHERE experiment_id = $1 AND unit_id = $2`, [id, unit]),
      unit,
    ).toHaveLength(0);
  }
  await reviewer.close();
});
