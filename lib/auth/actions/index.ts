"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { credentialsSchema } from "@/lib/auth/credentials";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { currentUserId, endSessions } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/actions/action-client";

export type SignInState = { error?: string; fieldErrors?: Record<string, string[]>; email?: string };

/** Signs in with email and password; on success Auth.js redirects, on failure the form shows why. */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = credentialsSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong email or password", email };
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
