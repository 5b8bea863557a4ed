"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { credentialsSchema } from "@/lib/auth/credentials";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { currentUserId, endSessions } from "@/lib/auth/session";
import { waitText } from "@/lib/auth/throttle";
import {
  clearSignInFailures,
  recordSignInFailure,
  requestAddress,
  throttleKeys,
  throttleWait,
} from "@/lib/auth/throttle-store";
import { fieldErrorsOf } from "@/lib/actions/action-client";

export type SignInState = { error?: string; fieldErrors?: Record<string, string[]>; email?: string };

/**
 * Signs in with email and password; on success Auth.js redirects, on failure
 * the form shows why. Repeated failures per account and per address slow
 * down and then lock for a while (lib/auth/throttle.ts): a locked attempt is
 * refused without its password being checked, right or wrong.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = credentialsSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };
  const h = await headers();
  const keys = throttleKeys(
    parsed.data.email,
    requestAddress((name) => h.get(name)),
  );
  const wait = await throttleWait(keys);
  if (wait > 0) return { error: `Too many failed sign-ins: try again ${waitText(wait)}`, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      await recordSignInFailure(parsed.data.email, keys);
      return { error: "Wrong email or password", email };
    }
    await clearSignInFailures(parsed.data.email);
    throw error; // the redirect of a successful sign-in
  }
}

/**
 * Ends the session and returns to the sign-in page. The session cookie is
 * signed, not stored, so a copy of it would stay valid until it expires:
 * signing out also ends every session of the user (their session version
 * goes up), on every device.
 */
export async function signOutAction(): Promise<void> {
  const userId = await currentUserId();
  if (userId) await endSessions(userId);
  await signOut({ redirectTo: "/login" });
}
