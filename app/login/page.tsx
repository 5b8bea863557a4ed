import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AuthCard } from "@/components/auth/auth-card";
import { currentUserId } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await currentUserId()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Sign in to Personalize"
      description="Segments, personalized content and experiments for your store."
    >
      {params.error === "no-workspace" ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Your account is not a member of any workspace. Ask an admin for an invitation.
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
