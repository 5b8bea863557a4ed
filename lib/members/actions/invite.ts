import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { INVITATION_TTL_MS, newInvitationToken } from "../invitation-token";
import { inviteMemberSchema } from "../schema";

/** Invites an email with a role; returns the one-time link path to send them. */
export const inviteMemberDef = workspaceAction({
  name: "member.invite",
  role: "admin",
  input: inviteMemberSchema,
  async handler(ctx, { email, role }) {
    const existing = await ctx.db.membership.findFirst({ where: { workspaceId: ctx.workspaceId, user: { email } } });
    if (existing)
      throw new ActionError("conflict", `${email} is already a member`, {
        email: ["Already a member of this workspace"],
      });
    await ctx.db.invitation.deleteMany({ where: { workspaceId: ctx.workspaceId, email, acceptedAt: null } });
    const { token, tokenHash } = newInvitationToken();
    const invitation = await ctx.db.invitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        email,
        role,
        tokenHash,
        invitedById: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    ctx.audit({ action: "member.invite", targetType: "invitation", targetId: invitation.id, after: { email, role } });
    return { invitationId: invitation.id, invitePath: `/invite/${token}` };
  },
});
