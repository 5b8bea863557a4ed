import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";
import { signIn } from "./support/session";

/** The demo workspace's goal of this name as stored. */
const storedGoal = (name: string) =>
  queryOne<{ kind: string; value_property: string; window_days: number; filters: unknown }>(
    `SELECT kind, value_property, window_days, filters FROM goals
     WHERE workspace_id = (SELECT id FROM workspaces WHERE slug = 'demo') AND name = $1`,
    [name],
  );

test("a marketer creates a sum goal with a filter, reads it in words, and changes its window", async ({ page }) => {
  await signIn(page, "editor");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { name: "Goals" })).toBeVisible();
  // the demo's goals, in words
  await expect(
    page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Purchase", exact: true }) })
      .getByTestId("goal-summary"),
  ).toHaveText("Converted: Order Completed, within 7 days of first exposure");

  const name = `Revenue of big orders ${Date.now()}`;
  await page.getByRole("button", { name: "New goal" }).click();
  const dialog = page.getByRole("dialog", { name: "New goal" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel(/^Event\*?$/).fill("Order Completed");
  await dialog.getByLabel("Measures").selectOption("sum");
  await dialog.getByLabel("Value property").fill("revenue");
  await dialog.getByRole("button", { name: "Add filter" }).click();
  await dialog.getByLabel("Filter 1 property").fill("revenue");
  await dialog.getByLabel("Filter 1 value type").selectOption("number");
  await dialog.getByLabel("Filter 1 operator").selectOption("gte");
  await dialog.getByLabel("Filter 1 value", { exact: true }).fill("50");
  await dialog.getByLabel("Window in days").fill("14");
  const words = "Summed revenue: Order Completed where revenue is at least 50, within 14 days of first exposure";
  await expect(dialog.getByTestId("goal-in-words")).toHaveText(words);
  await dialog.getByRole("button", { name: "Create goal" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByTestId("goal-summary")).toHaveText(words);
  await expect(row.getByTestId("goal-window")).toHaveText("14 days");
  expect(await storedGoal(name)).toEqual({
    kind: "sum",
    value_property: "revenue",
    window_days: 14,
    filters: [{ property: "revenue", valueType: "number", op: "gte", value: 50 }],
  });

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  const windowDays = edit.getByLabel("Window in days");
  await expect(windowDays).toHaveValue("14");
  // a bad value is answered next to the field, and nothing changes
  await windowDays.fill("400");
  await edit.getByRole("button", { name: "Save goal" }).click();
  await expect(edit.getByText("At most 90 days")).toBeVisible();
  await expect(windowDays).toHaveAttribute("aria-invalid", "true");
  await windowDays.fill("two weeks");
  await edit.getByRole("button", { name: "Save goal" }).click();
  await expect(edit.getByText("Enter a whole number of days")).toBeVisible();
  expect((await storedGoal(name)).window_days).toBe(14);

  await windowDays.fill("30");
  await edit.getByRole("button", { name: "Save goal" }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByTestId("goal-window")).toHaveText("30 days");
  await expect(row.getByTestId("goal-summary")).toContainText("within 30 days of first exposure");

  // a goal that is better when it falls says so, in words and as stored
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  await edit.getByLabel("Better when it").selectOption("falls");
  await expect(edit.getByTestId("goal-in-words")).toHaveText(/within 30 days of first exposure; lower is better$/);
  await edit.getByRole("button", { name: "Save goal" }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByTestId("goal-summary")).toHaveText(/; lower is better$/);
  expect(
    await queryOne<{ lower_is_better: boolean }>("SELECT lower_is_better FROM goals WHERE name = $1", [name]),
  ).toEqual({ lower_is_better: true });
});

test("a goal name that is taken is answered on the name field", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/w/demo/goals");
  await page.getByRole("button", { name: "New goal" }).click();
  const dialog = page.getByRole("dialog", { name: "New goal" });
  await dialog.getByLabel("Name").fill("purchase");
  await dialog.getByLabel(/^Event\*?$/).fill("Order Completed");
  await dialog.getByRole("button", { name: "Create goal" }).click();
  await expect(dialog.getByText("Another goal has this name")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
});

test("viewers see the goals but cannot change them", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/w/demo/goals");
  await expect(
    page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Revenue", exact: true }) })
      .getByTestId("goal-summary"),
  ).toHaveText("Summed revenue: Order Completed, within 7 days of first exposure");
  await expect(page.getByRole("button", { name: "New goal" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
});
