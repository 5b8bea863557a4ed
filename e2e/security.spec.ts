import { expect, test } from "@playwright/test";
import { query, queryOne } from "./support/database";
import { configChanged, withoutHoldout } from "./support/demo-config";
import { STORE_URL } from "../playwright.config";
import { signIn } from "./support/session";

let restoreHoldout: () => Promise<void>;
test.beforeAll(async () => {
  restoreHoldout = await withoutHoldout();
});
test.afterAll(async () => {
  await restoreHoldout();
});

test("every page is sent with a nonce-based CSP that forbids framing, and the security headers", async ({ page }) => {
  for (const path of ["/login", "/demo-store"]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers["content-security-policy"], path).toMatch(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
    );
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
  await signIn(page, "admin"); // the pages still work with the policy: Next's scripts carry the nonce
  const first = (await page.goto("/w/demo"))!.headers()["content-security-policy"];
  const second = (await page.reload())!.headers()["content-security-policy"];
  expect(first).not.toBe(second); // a fresh nonce per response
  await page.getByRole("button", { name: "User menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
});

test("the dashboard cannot be framed by another site", async ({ page, baseURL }) => {
  await page.route("https://evil.example/", (route) =>
    route.fulfill({ contentType: "text/html", body: `<iframe id="f" src="${baseURL}/login"></iframe>` }),
  );
  await page.goto("https://evil.example/");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await page.waitForTimeout(1_000);
  // refused by the browser: the frame never shows the sign-in form
  const framed = frame ? await frame.locator("input[name=email]").count() : 0;
  expect(framed).toBe(0);
});

test("a live experience carrying an event handler runs no script, in the store or in the dashboard", async ({
  page,
}) => {
  const markers: string[] = [];
  page.on("console", (m) => markers.push(m.text()));
  page.on("dialog", (d) => {
    markers.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const { id: workspaceId } = await queryOne<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'");
  const { id: placementId } = await queryOne<{ id: string }>(
    "SELECT id FROM placements WHERE workspace_id = $1 AND key = 'home-hero'",
    [workspaceId],
  );
  // content saved before the save check refused handlers (written straight to the database, as old data is)
  const id = `e2e-xss-${Date.now()}`;
  const body = `<h2>Hello</h2><img src="x" onerror="window.__pwned = 1; console.log('PWNED'); alert('PWNED')">`;
  await query(
    `INSERT INTO content_blocks (id, workspace_id, placement_id, name, priority, is_default, status, rules, updated_at)
     VALUES ($1, $2, $3, 'XSS probe', -1000, false, 'live', '{"type":"group","id":"r","combinator":"and","children":[]}', now())`,
    [id, workspaceId, placementId],
  );
  await query(
    "INSERT INTO variants (id, workspace_id, content_block_id, name, body, updated_at) VALUES ($1, $2, $3, 'probe', $4, now())",
    [`${id}-v`, workspaceId, id, body],
  );
  await configChanged(workspaceId);
  try {
    await signIn(page, "admin");
    await expect
      .poll(async () => {
        await page.goto("/demo-store");
        return page.getByTestId("home-hero").innerHTML();
      })
      .toContain("onerror");
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.goto("/w/demo/content");
    await page.getByRole("link", { name: "Home hero" }).click();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(markers.filter((m) => m.includes("PWNED"))).toEqual([]);
  } finally {
    await query("DELETE FROM content_blocks WHERE id = $1", [id]);
    await configChanged(workspaceId);
  }
});

test("the storefront runs on its own origin, where a script reaches nothing of the dashboard's session", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "admin");
  // the dashboard's storefront links land on the store's origin, with the page and query they named
  await page.goto("/demo-store?utm_source=e2e");
  const store = new URL(STORE_URL);
  expect(new URL(page.url()).port).toBe(store.port);
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/demo-store?utm_source=e2e");
  await expect(page.getByTestId("home-hero")).toBeVisible();

  // what a script injected into the storefront could try, run there
  const probe = await page.evaluate(async (dashboard) => {
    const attempt = async (input: string, init?: RequestInit) => {
      try {
        const response = await fetch(input, { credentials: "include", ...init });
        return { status: response.status, text: (await response.text()).slice(0, 200) };
      } catch (error) {
        return { error: String(error) };
      }
    };
    return {
      cookies: document.cookie,
      // the store's own origin serves nothing of the dashboard
      session: await attempt("/api/auth/session"),
      workspace: await attempt("/w/demo/settings/members"),
      action: await attempt("/demo-store", { method: "POST", headers: { "next-action": "x" }, body: "[]" }),
      // the dashboard's origin does not let the store read its answers (no CORS for it)
      crossSession: await attempt(`${dashboard}/api/auth/session`),
      crossPage: await attempt(`${dashboard}/w/demo/settings/members`),
    };
  }, baseURL!);
  expect(probe.cookies).not.toMatch(/authjs|next-auth/);
  expect(probe.session).toMatchObject({ status: 404 });
  expect(probe.workspace).toMatchObject({ status: 404 });
  expect(probe.action).toMatchObject({ status: 403 });
  expect(probe.crossSession).toHaveProperty("error");
  expect(probe.crossPage).toHaveProperty("error");

  // the app saw the storefront's requests without the admin's session: the dashboard still has it
  await page.goto("/w/demo");
  await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
});
