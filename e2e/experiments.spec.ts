import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { inHoldout } from "../lib/experiments/assign";
import { DECIDE_URL, E2E_KEYS } from "../playwright.config";
import { query, queryOne } from "./support/database";
import { signIn } from "./support/session";

const NAME = `E2E hero test ${Date.now()}`;

type Subject = {
  experience_id: string;
  experience_name: string;
  placement_key: string;
  placement_name: string;
  segment_id: string;
};

/**
 * The experience the test splits: the home hero's first live experience (the one its members are served), when no
 * live experiment decides it already and it targets a saved segment; the demo's own experiments are left alone.
 */
async function subject(): Promise<Subject> {
  const [first] = await query<Subject & { tested: boolean }>(
    `SELECT x.id AS experience_id, x.name AS experience_name, p.key AS placement_key, p.name AS placement_name,
            x.segment_id,
            EXISTS (SELECT 1 FROM experiments e WHERE e.workspace_id = w.id AND e.status IN ('running', 'paused')
                    AND (e.experience_id = x.id OR (e.type = 'multivariate' AND e.factors::text LIKE '%' || p.id || '%'))) AS tested
     FROM content_blocks x JOIN placements p ON p.id = x.placement_id JOIN workspaces w ON w.id = p.workspace_id
     WHERE w.slug = 'demo' AND p.key = 'home-hero' AND NOT x.is_default AND x.status = 'live'
     ORDER BY x.priority, x.id LIMIT 1`,
  );
  if (!first || first.tested || !first.segment_id)
    throw new Error("the home hero's first live experience is tested already or targets no saved segment");
  return first;
}

/** A shopper with a user id whom the experience's segment holds and who has not refused personalization. */
async function member(segmentId: string) {
  return queryOne<{ user_id: string }>(
    `SELECT i.value AS user_id FROM segment_memberships m JOIN profiles p ON p.id = m.profile_id
     JOIN identities i ON i.profile_id = p.id AND i.type = 'user_id'
     WHERE m.segment_id = $1 AND m.exited_at IS NULL
       AND coalesce(p.consent -> 'personalization' ->> 'granted', 'true') <> 'false'
     ORDER BY p.id LIMIT 1`,
    [segmentId],
  );
}

/** A made-up anonymous id outside the demo's global holdout (whose hash the app shares). */
async function idOutsideHoldout(prefix: string): Promise<string> {
  const { id, holdout_share } = await queryOne<{ id: string; holdout_share: number }>(
    "SELECT id, holdout_share FROM workspaces WHERE slug = 'demo'",
  );
  for (let i = 0; ; i++) if (!inHoldout(id, `${prefix}-${i}`, holdout_share)) return `${prefix}-${i}`;
}

/** The storefront asks the decision server for the home hero, as a signed-in shopper would. */
async function decideHero(page: Page, anonymousId: string, userId: string) {
  const { secret } = await queryOne<{ secret: string }>(
    "SELECT s.secret FROM identity_secrets s JOIN workspaces w ON w.id = s.workspace_id WHERE w.slug = 'demo' AND s.expires_at IS NULL",
  );
  const response = await page.request.post(`${DECIDE_URL}/v1/decide`, {
    headers: { authorization: `Bearer ${E2E_KEYS.client}` },
    data: {
      anonymousId,
      userId,
      userHash: createHmac("sha256", secret).update(userId).digest("hex"),
      placements: ["home-hero"],
    },
  });
  expect(response.status()).toBe(200);
}

/** The page from its top in a window tall enough to show it (the shell scrolls its main column, not the page). */
async function screenshot(page: Page, name: string, height: number) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height });
  await page.locator("main").evaluate((main) => main.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
  if (size) await page.setViewportSize(size);
}

test("an editor creates an A/B test of the home hero's experience with a goal, starts it, checks a visitor, watches it count, pauses and stops it; a viewer sees it all and changes nothing", async ({
  page,
  browser,
}) => {
  test.slow();
  const hero = await subject();
  const shopper = await member(hero.segment_id);
  const goal = await queryOne<{ name: string }>(
    "SELECT g.name FROM goals g JOIN workspaces w ON w.id = g.workspace_id WHERE w.slug = 'demo' ORDER BY g.kind = 'conversion' DESC, g.name LIMIT 1",
  );

  await signIn(page, "editor");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Experiments" }).click();
  await page.getByRole("link", { name: "New experiment" }).click();
  await expect(page.getByRole("heading", { name: "New experiment" })).toBeVisible();

  // 1. what is tested: the experience, its variant against the placement's default content
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await expect(page.getByLabel("Key", { exact: true })).toHaveValue(/^e2e-hero-test-\d+$/);
  await page.getByLabel("Hypothesis").fill("Personalized hero content beats the default for its segment.");
  await page.getByLabel("Placement", { exact: true }).selectOption({ label: hero.placement_name });
  await page.getByLabel("Experience", { exact: true }).selectOption(hero.experience_id);
  await expect(page.getByTestId("arm-row")).toHaveCount(2);
  await expect(page.getByLabel("Arm 1 content")).toHaveValue(""); // the default as the control

  // a refusal comes back to the step its field is on: a key that is not one
  await page.getByLabel("Key", { exact: true }).fill("Not a key!");
  await page.getByRole("button", { name: "Next" }).click(); // to "Who"
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Lowercase letters, digits, - and _ (starting with a letter or digit)")).toBeVisible();
  await expect(page.getByLabel("Key", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Key", { exact: true }).fill(`e2e-hero-${Date.now()}`);

  // 2. who: everyone the experience targets; 3. variations: an even split
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("radio", { name: "Everyone" })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Weight of Control").fill("80");
  await expect(page.getByTestId("arm-share").first()).toHaveText("61.5 %");
  await page.getByRole("button", { name: "Even split" }).click();
  await expect(page.getByTestId("arm-share")).toHaveText(["50 %", "50 %"]);

  // 4. goals: one primary; 5. traffic: everyone the targeting lets in
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: new RegExp(`^${goal.name}`) }).check();
  await expect(page.getByLabel(`Role of ${goal.name}`)).toHaveValue("primary");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Coverage: 100 %")).toBeVisible();

  // 6. review: in words, with a duration estimate
  await page.getByRole("button", { name: "Next" }).click();
  const review = page.getByTestId("wizard-review");
  await expect(review).toContainText(`of the experience “${hero.experience_name}” on ${hero.placement_name}`);
  await expect(review).toContainText(`Primary: ${goal.name}`);
  await expect(review).toContainText("100 % of eligible units enter");
  await expect(page.getByTestId("duration-estimate")).toContainText("units per arm");
  await expect(page.getByText("Some fields need attention")).toBeHidden(); // the earlier refusal's toast
  await screenshot(page, "experiment-wizard", 1_000);
  await page.getByRole("button", { name: "Save and start" }).click();

  // the experiment page: running, phase 1
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
  await expect(page.getByTestId("experiment-status")).toHaveText("Running");
  const url = page.url();
  const phases = page.getByTestId("phase-row");
  await expect(phases).toHaveCount(1);
  await expect(phases.first()).toContainText("Started");
  await expect(phases.first().getByRole("cell").first()).toHaveText("1");
  await expect(page.getByTestId("targeting")).toHaveText("Everyone");

  // QA: a made-up visitor gets an arm by the hash
  const visitorId = await idOutsideHoldout("e2e-qa");
  await page.getByLabel("Anonymous id").fill(visitorId);
  await expect(page.getByTestId("qa-headline")).toHaveText(/^Arm (Control|.+) \(hashed: new assignment\)$/);
  await expect(page.getByTestId("qa-answer")).toContainText(`Unit ${visitorId}`);

  // live: a shopper served the hero by the decision server shows up in the counts without a reload
  const anonymousId = await idOutsideHoldout("e2e-shopper");
  const total = page.getByTestId("variation-row").getByTestId("exposures");
  await expect
    .poll(
      async () => {
        await decideHero(page, anonymousId, shopper.user_id); // again until the decision server has the started test
        return (await total.allInnerTexts()).reduce((s, t) => s + Number(t.replace(/\D/g, "")), 0);
      },
      { timeout: 30_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  const units = page.getByTestId("variation-row").getByTestId("units-phase");
  await expect // the shopper's assignment: one unit in phase 1
    .poll(async () => (await units.allInnerTexts()).map((t) => Number(t.replace(/\D/g, ""))).sort(), {
      timeout: 15_000,
    })
    .toEqual([0, 1]);
  await expect(page.getByTestId("stats-updated")).toContainText("last updated");
  await screenshot(page, "experiment-page", 1_500);

  // editing a running test: its design is kept, new weights open phase 2
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Edit ${NAME}` })).toBeVisible();
  await expect(page.getByLabel("Key", { exact: true })).toBeDisabled();
  await expect(page.getByLabel("Experience", { exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Variations" }).click();
  await page.getByLabel("Weight of Control").fill("75");
  await page
    .getByLabel(/^Weight of /)
    .last()
    .fill("25");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
  await expect(page.getByTestId("phase-row")).toHaveCount(2);
  await expect(page.getByTestId("phase-row").first()).toContainText("Weights changed");
  await expect(page.getByTestId("phase-row").first()).toContainText("75 %");
  await expect(page.getByTestId("phase-row").last().getByRole("cell").nth(2)).not.toHaveText("Current");

  // pausing: everyone it targets gets the control
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("experiment-status")).toHaveText("Paused");
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await page.getByLabel("Anonymous id").fill(`${visitorId}-paused`);
  await expect(page.getByTestId("qa-headline")).toHaveText(/^(Paused|In the holdout)$/);

  // a viewer sees the page and the list, with no control that changes anything
  const viewerContext = await browser.newContext({ baseURL: new URL(url).origin });
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer");
  await viewer.goto(url);
  await expect(viewer.getByRole("heading", { name: NAME })).toBeVisible();
  await expect(viewer.getByTestId("experiment-status")).toHaveText("Paused");
  await expect(viewer.getByTestId("phase-row")).toHaveCount(2);
  for (const name of ["Edit", "Start", "Pause", "Resume", "Stop", "Re-randomize", "Archive"])
    await expect(
      viewer.getByRole("button", { name, exact: true }).or(viewer.getByRole("link", { name, exact: true })),
    ).toHaveCount(0);
  await viewer.getByLabel("Anonymous id").fill(visitorId);
  await expect(viewer.getByTestId("qa-headline")).toHaveText("Paused");
  await viewer.goto("/w/demo/experiments");
  await expect(viewer.getByRole("link", { name: NAME })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "New experiment" })).toHaveCount(0);
  await expect(viewer.getByTestId("holdout-share")).toBeVisible();
  await viewerContext.close();

  // stopping without a winner gives the hero back to its experiences
  await page.getByRole("button", { name: "Stop" }).click();
  const dialog = page.getByRole("dialog", { name: "Stop this experiment?" });
  // too few units for a verdict: nothing is chosen for the editor, and the dialog says why
  await expect(dialog.getByTestId("stop-recommendation")).toHaveText(
    /^The results say: (Not enough data|Keep running|No detectable)/,
  );
  await expect(dialog.getByRole("radio", { name: /No winner/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Stop experiment" }).click();
  await expect(page.getByTestId("experiment-status")).toHaveText("Stopped");
  await expect(page.getByTestId("phase-row").first().getByRole("cell").nth(2)).not.toHaveText("Current");
});

test("the wizard makes a multivariate test's cells from its factors, and a flag whose values must be JSON; a draft is checked as if started and can be archived", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto("/w/demo/experiments/new");
  const placements = await query<{ name: string }>(
    "SELECT p.name FROM placements p JOIN workspaces w ON w.id = p.workspace_id WHERE w.slug = 'demo' ORDER BY p.name LIMIT 2",
  );

  await page.getByRole("radio", { name: /^Multivariate test/ }).check();
  await page.getByLabel("Factor 1 placement").selectOption({ label: placements[0]!.name });
  await expect(page.getByRole("heading", { name: "2 cells" })).toBeVisible();
  await page.getByRole("button", { name: "Add a factor" }).click();
  await page.getByLabel("Factor 2 placement").selectOption({ label: placements[1]!.name });
  await page.getByRole("button", { name: "Add a level" }).last().click();
  await expect(page.getByRole("heading", { name: "6 cells" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Cells" }).getByRole("listitem").first()).toHaveText(
    "Factor 1: Default · Factor 2: Default",
  );

  const name = `E2E flag ${Date.now()}`;
  await page.getByRole("radio", { name: /^Feature flag/ }).check();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Arm 2 value (JSON)").fill("blue");
  await expect(page.getByText(/^Not valid JSON/)).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "New experiment" })).toBeVisible(); // refused in the form
  await page.getByLabel("Arm 2 value (JSON)").fill('"blue"');
  await expect(page.getByText(/^Not valid JSON/)).toHaveCount(0);
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("experiment-status")).toHaveText("Draft");
  await expect(page.getByText('Variant B = "blue"')).toBeVisible();
  await page.getByLabel("Anonymous id").fill(await idOutsideHoldout("e2e-flag"));
  await expect(page.getByTestId("qa-headline")).toHaveText(/^Arm (Control|Variant B) \(hashed: new assignment\)$/);
  await expect(page.getByTestId("qa-answer")).toContainText("A draft: this is how it would decide once started.");
  await page.getByRole("button", { name: "Archive" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("experiment-status")).toHaveText("Archived");
});
