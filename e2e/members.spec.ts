import { expect, test } from "@playwright/test";
import { query } from "./support/database";
import { signIn } from "./support/session";

test("an admin invites a member, who joins through the link with the chosen role", async ({ page, browser }) => {
  const email = `new-${Date.now()}@demo.test`;
  await signIn(page, "admin");
  await page.goto("/w/demo/settings/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a member" });
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  await expect(dialog.getByText("Enter a valid email")).toBeVisible();
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("editor");
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const link = await dialog.getByLabel(/Invitation link/).inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Demo Store" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Nora New");
  await invitee.getByLabel("Choose a password").fill("nora-password-1");
  await invitee.getByRole("button", { name: "Join workspace" }).click();
  await expect(invitee).toHaveURL(/\/w\/demo$/);
  await expect(invitee.getByRole("button", { name: "User menu" })).toContainText("Nora New");
  await guest.close();

  const [membership] = await query<{ role: string }>(
    "SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1",
    [email],
  );
  expect(membership?.role).toBe("editor");
  const [audit] = await query<{ action: string }>(
    "SELECT action FROM audit_logs WHERE action = 'member.invite' AND after->>'email' = $1",
    [email],
  );
  expect(audit?.action).toBe("member.invite");
});

test("the last admin cannot demote themselves", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/w/demo/settings/members");
  await page.getByLabel("Role of admin@demo.test").selectOption("viewer");
  await expect(page.getByRole("alert").filter({ hasText: "at least one admin" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Role of admin@demo.test")).toHaveValue("admin");
});
