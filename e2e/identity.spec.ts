import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DECIDE_URL, E2E_KEYS, STORE_URL } from "../playwright.config";
import { queryOne } from "./support/database";
import { demoSessionCookie } from "./support/demo-session";
import { signIn } from "./support/session";

/** A known demo customer with personalized home-hero content (first name in it), as the storefront would ask. */
async function customer() {
  return queryOne<{ user_id: string; first_name: string }>(
    `SELECT i.value AS user_id, p.traits->>'first_name' AS first_name
     FROM identities i JOIN profiles p ON p.id = i.profile_id JOIN workspaces w ON w.id = i.workspace_id
     WHERE w.slug = 'demo' AND i.type = 'user_id' AND p.traits ? 'first_name' ORDER BY i.value LIMIT 1`,
  );
}

test("an admin rotates the identity secret, sees it once, and a user id counts only with its signature", async ({
  page,
  request,
}) => {
  await signIn(page, "admin");
  await page.goto("/w/demo/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Identity" }).click();
  await expect(page.getByRole("heading", { name: "Identity", level: 2 })).toBeVisible();
  await expect(page.getByText("required", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Calls in the last 7 days")).toContainText("without a valid signature");
  const secrets = page.getByRole("table", { name: "Identity secrets" });
  await expect(secrets.getByRole("row")).toHaveCount(2); // the header and the demo's current secret

  await page.getByRole("button", { name: "Rotate secret" }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate the identity secret" });
  await dialog.getByLabel("The current secret keeps working").selectOption("24");
  await dialog.getByRole("button", { name: "Create secret" }).click();
  const secret = await dialog.getByLabel("Your new identity secret").inputValue();
  expect(secret).toMatch(/^is_[0-9A-Za-z]{40}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(secrets.getByRole("row")).toHaveCount(3);
  await expect(secrets.getByRole("row", { name: new RegExp(secret.slice(0, 10)) })).toContainText("current");
  await expect(page.getByText(secret)).toHaveCount(0); // shown once

  // the storefront's server signs with the new secret; a forged or unsigned id is an anonymous visitor
  const { user_id: userId, first_name: firstName } = await customer();
  const decide = async (data: object) => {
    const response = await request.post(`${DECIDE_URL}/v1/decide`, {
      headers: { authorization: `Bearer ${E2E_KEYS.client}` },
      data: { placements: ["home-hero"], ...data },
    });
    expect(response.status()).toBe(200);
    return (await response.json()) as { identity?: string; profileId?: string; decisions: object };
  };
  const signedAnswer = await decide({ userId, userHash: createHmac("sha256", secret).update(userId).digest("hex") });
  expect(signedAnswer.identity).toBe("verified");
  expect(signedAnswer).not.toHaveProperty("profileId");
  const forged = await decide({ userId });
  expect(forged.identity).toBe("unverified");
  expect(JSON.stringify(forged.decisions)).not.toContain(firstName);

  // the replaced secret can be ended before its overlap is over
  const old = secrets.getByRole("row", { name: /until/ });
  await old.getByRole("button", { name: "End now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End now" }).click();
  await expect(secrets.getByRole("row")).toHaveCount(2);
});

test("an admin declares the request traits a page may send, and a bad key is refused with why", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/w/demo/settings/identity");
  await page.getByLabel("Request traits").fill("locale\n__proto__");
  await page.getByRole("button", { name: "Save request traits" }).click();
  await expect(page.getByText(/Not a trait key/)).toBeVisible();
  await page.getByLabel("Request traits").fill("locale\ncart_size");
  await page.getByRole("button", { name: "Save request traits" }).click();
  await expect(page.getByText("Request traits saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Request traits")).toHaveValue("locale\ncart_size");
});

test("a viewer sees the identity settings but cannot change them", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/w/demo/settings/identity");
  await expect(page.getByLabel("Request traits")).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: /Rotate secret|Require signed|Stop requiring/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save request traits" })).toHaveCount(0);
});

test("the storefront's keyless API acts as no customer but the one its session signs in", async ({ request }) => {
  const victim = await customer();
  const decide = (cookie?: string) =>
    request.post(`${STORE_URL}/demo-store/api/v1/decide`, {
      data: { anonymousId: `e2e-stranger-${Date.now()}`, userId: victim.user_id, placements: ["home-hero"] },
      headers: cookie ? { cookie } : {},
    });
  // a stranger names a customer: answered as the anonymous visitor they are, and told why
  const forged = await decide(`demo_uid=${victim.user_id}`); // the unsigned cookie of before, typed by hand
  expect(forged.status()).toBe(200);
  const forgedBody = await forged.json();
  expect(forgedBody.identity).toBe("unverified");
  expect(forgedBody).not.toHaveProperty("profileId");
  expect(JSON.stringify(forgedBody)).not.toContain(victim.first_name);
  // the store's own sign-in made this session: it counts, and still names no profile
  const session = await demoSessionCookie(victim.user_id);
  const real = await decide(`${session.name}=${session.value}`);
  const realBody = await real.json();
  expect(realBody.identity).toBe("verified");
  expect(realBody).not.toHaveProperty("profileId");

  // events: a userId without the session is the anonymous visitor's, and an email joins no profile
  const anonymousId = `e2e-attacker-${Date.now()}`;
  const email = await queryOne<{ email: string | null }>(
    `SELECT p.traits->>'email' AS email FROM identities i JOIN profiles p ON p.id = i.profile_id
     JOIN workspaces w ON w.id = i.workspace_id WHERE w.slug = 'demo' AND i.type = 'user_id' AND i.value = $1`,
    [victim.user_id],
  );
  const batch = await request.post(`${STORE_URL}/demo-store/api/v1/batch`, {
    data: {
      batch: [
        { type: "identify", anonymousId, userId: victim.user_id, traits: { plan: "stolen" } },
        { type: "identify", anonymousId, traits: { email: email.email ?? "victim@example.test" } },
      ],
    },
  });
  expect(batch.status()).toBe(200);
  await expect
    .poll(async () => {
      const row = await queryOne<{ attacker: string | null; victim: string }>(
        `SELECT (SELECT i.profile_id FROM identities i JOIN workspaces w ON w.id = i.workspace_id
                  WHERE w.slug = 'demo' AND i.type = 'anonymous_id' AND i.value = $1) AS attacker,
                (SELECT i.profile_id FROM identities i JOIN workspaces w ON w.id = i.workspace_id
                  WHERE w.slug = 'demo' AND i.type = 'user_id' AND i.value = $2) AS victim`,
        [anonymousId, victim.user_id],
      );
      return row.attacker === null ? "not yet" : row.attacker === row.victim ? "merged" : "apart";
    })
    .toBe("apart");
  const victimTraits = await queryOne<{ plan: string | null }>(
    `SELECT p.traits->>'plan' AS plan FROM identities i JOIN profiles p ON p.id = i.profile_id
     JOIN workspaces w ON w.id = i.workspace_id WHERE w.slug = 'demo' AND i.type = 'user_id' AND i.value = $1`,
    [victim.user_id],
  );
  expect(victimTraits.plan).not.toBe("stolen");
});
