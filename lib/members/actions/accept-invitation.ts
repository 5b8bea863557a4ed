import { db } from "@/lib/db/client";
import { failureFromError, fieldErrorsOf } from "@/lib/actions/action-client";
import { ActionError, failure, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/db/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { waitText } from "@/lib/auth/throttle";
import { recordSignInFailure, throttleKeys, throttleWait } from "@/lib/auth/throttle-store";
import { hashInvitationToken } from "../invitation-token";
import { acceptInvitationSchema } from "../schema";

/**
 * Accepts an invitation by its token: an existing account confirms with its
 * password, a new one is created with a name and password; either way the
 * membership is created with the invited role and the invitation is spent.
 * The token is the credential here, so this is the one mutation outside the
 * session-based action client.
 */
export async function acceptInvitation(raw: unknown): Promise<ActionResult<{ email: string; workspaceSlug: string }>> {
  const parsed = acceptInvitationSchema.safeParse(raw);
  if (!parsed.success) return failure("invalid_input", "Some fields need attention", fieldErrorsOf(parsed.error));
  const { token, name, password } = parsed.data;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workspace: true },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) {
    return failure("not_found", "This invitation link is no longer valid; ask an admin for a new one");
  }
  // an existing account confirms with its password: held to the same limits as the sign-in form
  const keys = throttleKeys(invitation.email, null);
  const wait = await throttleWait(keys);
  if (wait > 0) return failure("invalid_input", `Too many wrong passwords: try again ${waitText(wait)}`);
  try {
    return await db.$transaction(async (tx) => {
      let user = await tx.user.findUnique({ where: { email: invitation.email } });
      if (user && !(await verifyPassword(password, user.passwordHash))) {
        await recordSignInFailure(invitation.email, keys);
        throw new ActionError("invalid_input", "Wrong password for this account", {
          password: ["Wrong password for this account"],
        });
      }
      if (!user) {
        if (!name) throw new ActionError("invalid_input", "Enter your name", { name: ["Enter your name"] });
        user = await tx.user.create({
          data: { email: invitation.email, name, passwordHash: await hashPassword(password) },
        });
      }
      const spent = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (spent.count === 0) throw new ActionError("not_found", "This invitation was already used");
      await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
        create: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
        update: {},
      });
      await recordAudit(tx, invitation.workspaceId, { kind: "user", id: user.id }, [
        {
          action: "member.accept_invitation",
          targetType: "invitation",
          targetId: invitation.id,
          after: { email: user.email, role: invitation.role },
        },
      ]);
      return { ok: true as const, data: { email: user.email, workspaceSlug: invitation.workspace.slug } };
    });
  } catch (error) {
    return failureFromError("member.accept_invitation", error);
  }
}
