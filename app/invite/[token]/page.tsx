import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AuthCard } from "@/components/auth/auth-card";
import { findInvitationByToken, hasAccount as accountExists } from "@/lib/members/db/members";

export const metadata: Metadata = { title: "Join a workspace" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 100 ? await findInvitationByToken(token) : null;
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) {
    return (
      <AuthCard
        title="This invitation is no longer valid"
        description="It was used, withdrawn or has expired. Ask an admin of the workspace for a new one."
      >
        <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  const hasAccount = await accountExists(invitation.email);
  return (
    <AuthCard title={`Join ${invitation.workspace.name}`} description={`You were invited as ${invitation.role}.`}>
      <AcceptInvitationForm token={token} email={invitation.email} hasAccount={hasAccount} />
    </AuthCard>
  );
}
