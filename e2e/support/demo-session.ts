import { CUSTOMER_COOKIE } from "../../lib/demo-store/cookies";
import { customerSessionValue } from "../../lib/demo-store/customer-session";
import { queryOne } from "./database";

/** The storefront's "signed in as" cookie for any demo user, signed as the store's sign-in would (a test acting as
 * the store's server, which alone knows the workspace's salt). */
export async function demoSessionCookie(userId: string): Promise<{ name: string; value: string }> {
  const { identity_salt: salt } = await queryOne<{ identity_salt: string }>(
    "SELECT identity_salt FROM workspaces WHERE slug = 'demo'",
  );
  return { name: CUSTOMER_COOKIE, value: customerSessionValue(salt, userId) };
}
