import { expect, type Page } from "@playwright/test";

/** The demo logins that the seeder creates (printed by npm start). */
export const DEMO_USERS = {
  admin: { email: "admin@demo.test", password: "demo-admin-1", name: "Ada Admin" },
  editor: { email: "editor@demo.test", password: "demo-editor-1", name: "Eddie Editor" },
  viewer: { email: "viewer@demo.test", password: "demo-viewer-1", name: "Vera Viewer" },
} as const;

/** Signs in through the login form and waits for the demo workspace's overview. */
export async function signIn(page: Page, role: keyof typeof DEMO_USERS): Promise<void> {
  const user = DEMO_USERS[role];
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/demo$/);
}
