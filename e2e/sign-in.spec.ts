import { expect, test } from "@playwright/test";
import { query, queryOne } from "./support/database";
import { DEMO_USERS, signIn } from "./support/session";

test("the admin signs in and sees the shell with the workspace's name and profile count", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page.getByRole("heading", { level: 1, name: "Demo Store" })).toBeVisible();
  const { count } = await queryOne<{ count: string }>(
    "SELECT count(*)::text AS count FROM profiles p JOIN workspaces w ON w.id = p.workspace_id WHERE w.slug = 'demo'",
  );
  expect(Number(count)).toBeGreaterThan(0);
  await expect(page.getByTestId("profile-totals")).toContainText(`${Number(count).toLocaleString("en-US")} profiles`);
  await expect(page.getByRole("img", { name: /Visitors per day/ })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Overview", "Profiles", "Segments", "Content", "Experiments", "Settings"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText("Demo Store");
  await expect(page.getByRole("button", { name: "User menu" })).toContainText(DEMO_USERS.admin.name);
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_USERS.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/w/demo");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session, also for a copy of its cookie", async ({ page, browser }) => {
  await signIn(page, "editor");
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/w/demo/profiles");
  await expect(page).toHaveURL(/\/login/);

  // the signed cookie someone kept from before the sign-out opens nothing any more
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/w/demo/profiles");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test("the workspace switcher opens another workspace, whose empty pages say what to do", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("menuitem", { name: /Outlet Store/ }).click();
  await expect(page).toHaveURL(/\/w\/outlet$/);
  await expect(page.getByRole("heading", { name: "No customer data yet" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
  await expect(page.getByRole("heading", { name: "No segments yet" })).toBeVisible();
});

test("a dashboard link with a broken percent-encoding is a not-found page, not a server error", async ({ page }) => {
  await signIn(page, "admin");
  for (const path of ["/w/%ff", "/w/demo/segments/%E2%82", "/w/demo/profiles/50%", "/invite/%zz"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("This page could not be found")).toBeVisible();
  }
});

test("a sign-in link cannot send a signed-in user off the site, nor break the page", async ({ page }) => {
  await signIn(page, "admin");
  for (const callback of ["/%09/evil.example", "/%0A/evil.example", "//evil.example", "/%5C/evil.example"]) {
    const response = await page.goto(`/login?callbackUrl=${callback}`);
    expect(response?.status(), callback).toBeLessThan(400);
    await expect(page, callback).toHaveURL(/\/w\/demo$/); // home, on this site
  }
});

test("repeated wrong passwords lock the account for a while, and then even the right one is refused", async ({
  page,
}) => {
  const email = `throttle-${Date.now()}@demo.test`;
  const { id: workspaceId } = await queryOne<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'");
  const { password_hash: hash } = await queryOne<{ password_hash: string }>(
    "SELECT password_hash FROM users WHERE email = 'viewer@demo.test'",
  );
  const { id: userId } = await queryOne<{ id: string }>(
    "INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'Tess Throttle', $3, now()) RETURNING id",
    [`u-${Date.now()}`, email, hash], // the viewer's password, for an account of its own
  );
  await query("INSERT INTO memberships (id, workspace_id, user_id, role) VALUES ($1, $2, $3, 'viewer')", [
    `m-${Date.now()}`,
    workspaceId,
    userId,
  ]);
  // nine failures already counted (the last one long enough ago that no delay is running)
  await query(
    "INSERT INTO sign_in_throttles (key, failures, last_failure_at, blocked_until) VALUES ($1, 9, now(), now() - interval '1 second')",
    [`account:${email}`],
  );
  const attempt = async (password: string) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await attempt("wrong-password-10");
  await expect(page.getByText("Wrong email or password")).toBeVisible();
  await attempt(DEMO_USERS.viewer.password);
  await expect(page.getByText("Too many failed sign-ins: try again in 15 minutes")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  const audit = await queryOne<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_logs WHERE workspace_id = $1 AND action = 'auth.sign_in_locked' AND target_id = $2",
    [workspaceId, userId],
  );
  expect(audit.n).toBe("1");
});

test("a failed sign-in counts against the connection's own address, not an X-Forwarded-For the client made up", async ({
  page,
}) => {
  const forged = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": forged, "x-personalize-peer": "198.51.100.250" });
  const before = Date.now();
  await page.goto("/login");
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@demo.test`);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password")).toBeVisible();
  const counted = await query<{ key: string }>(
    "SELECT key FROM sign_in_throttles WHERE key LIKE 'address:%' AND last_failure_at >= $1",
    [new Date(before - 1_000)],
  );
  const keys = counted.map((r) => r.key);
  expect(keys).not.toContain(`address:${forged}`);
  expect(keys).not.toContain("address:198.51.100.250");
  expect(keys.some((k) => /^address:(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/.test(k))).toBe(true);
});
