import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { query, queryOne } from "./support/database";
import { signIn } from "./support/session";

/** The id Next.js gave a server action export, read from the production build's manifest. */
function serverActionId(exportName: string, modulePath: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === exportName && v.filename?.includes(modulePath),
  );
  if (!entry) throw new Error(`server action ${exportName} not found in the build manifest`);
  return entry[0];
}

test("a viewer sees no edit controls", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/w/demo/settings/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Vera Viewer" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await page.goto("/w/demo/settings/api-keys");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
});

test("a viewer's forged mutation is refused and changes nothing", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/w/demo/settings/members");
  const { id: workspaceId } = await queryOne<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'");
  const actionId = serverActionId("inviteMember", "lib/members/actions");
  const membersBefore = await query("SELECT id, role FROM memberships WHERE workspace_id = $1 ORDER BY id", [
    workspaceId,
  ]);

  const response = await page.evaluate(
    async ({ actionId, workspaceId }) => {
      const res = await fetch(window.location.pathname, {
        method: "POST",
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: JSON.stringify([{ workspaceId, email: "forged@evil.example", role: "admin" }]),
      });
      return { status: res.status, body: await res.text() };
    },
    { actionId, workspaceId },
  );
  expect(response.body).toContain('"code":"forbidden"');
  expect(await query("SELECT id FROM invitations WHERE email = 'forged@evil.example'")).toEqual([]);
  expect(await query("SELECT id, role FROM memberships WHERE workspace_id = $1 ORDER BY id", [workspaceId])).toEqual(
    membersBefore,
  );
});

test("pages send the browser only what they show: no identity salt or secret, no invitation token hash", async ({
  page,
}) => {
  await signIn(page, "admin");
  const { id: workspaceId, identity_salt: salt } = await queryOne<{ id: string; identity_salt: string }>(
    "SELECT id, identity_salt FROM workspaces WHERE slug = 'demo'",
  );
  const tokenHash = `e2e${Date.now().toString(16)}`.padEnd(64, "0");
  await query(
    `INSERT INTO invitations (id, workspace_id, email, role, token_hash, expires_at)
     VALUES ($1, $2, 'payload-check@test.example', 'viewer', $3, now() + interval '1 day')`,
    [`inv-${tokenHash.slice(0, 12)}`, workspaceId, tokenHash],
  );
  const secrets = (
    await query<{ secret: string }>("SELECT secret FROM identity_secrets WHERE workspace_id = $1", [workspaceId])
  ).map((r) => r.secret);
  expect(secrets.length).toBeGreaterThan(0);
  for (const path of ["/w/demo", "/w/demo/settings/members", "/w/demo/settings/identity"]) {
    const html = await (await page.request.get(path)).text();
    const rsc = await (await page.request.get(path, { headers: { RSC: "1" } })).text();
    for (const [name, body] of [
      ["HTML", html],
      ["RSC payload", rsc],
    ] as const) {
      expect(body.includes(salt), `${path} ${name} holds the identity salt`).toBe(false);
      expect(body.includes(tokenHash), `${path} ${name} holds an invitation's token hash`).toBe(false);
      for (const secret of secrets)
        expect(body.includes(secret), `${path} ${name} holds an identity secret`).toBe(false);
    }
  }
  await page.goto("/w/demo/settings/members");
  await expect(page.getByRole("cell", { name: "payload-check@test.example" })).toBeVisible();
});
