import { db } from "@/lib/db/client";
import { hashInvitationToken } from "../invitation-token";

/** The workspace's members with their user, admins first. */
export function listMembers(workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

/** Invitations not yet accepted (expired ones included, marked by their date); never their token's hash. */
export function listPendingInvitations(workspaceId: string) {
  return db.invitation.findMany({
    where: { workspaceId, acceptedAt: null },
    select: { id: true, email: true, role: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** The invitation a link's token opens, with its workspace's name. */
export function findInvitationByToken(token: string) {
  return db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workspace: { select: { name: true, slug: true } } },
  });
}

/** Whether someone already has an account under this email (an invitation then asks for their password, not a new one). */
export async function hasAccount(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}
