import { z } from "zod";
import { db } from "@/lib/db/client";
import { PUBLISHED_DEMO_PASSWORDS } from "@/lib/demo-store/demo-users";
import { demoMode } from "@/lib/demo-store/runtime/enabled";
import { normalizeEmail } from "@/lib/identity/normalize";
import { verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").max(254).email("Enter a valid email"),
  password: z.string().min(1, "Enter your password").max(200),
});

/** A bcrypt hash of a random string, compared against when the email is unknown, so timing does not reveal which emails exist. */
const DUMMY_HASH = "$2b$11$J/fVFLWcLn9wrXQilJxuNeRgpR5rR/qyOBWhn930HOetu.RTFyaGa";

/**
 * The user these credentials belong to, or null (unknown email, wrong
 * password, or a published demo password while demo mode is off: a demo
 * account left in a real installation opens nothing).
 */
export async function verifyCredentials(
  input: unknown,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  if (PUBLISHED_DEMO_PASSWORDS.has(parsed.data.password) && !demoMode()) return null;
  const user = await db.user.findUnique({ where: { email: normalizeEmail(parsed.data.email) } });
  const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  return user && valid
    ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
    : null;
}
