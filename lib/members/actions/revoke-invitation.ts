import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { revokeInvitationSchema } from "../schema";

/** Withdraws a pending invitation; its link stops working. */
export const revokeInvitationDef = workspaceAction({
  name: "member.revoke_invitation",
  role: "admin",
  input: revokeInvitationSchema,
  async handler(ctx, { invitationId }) {
    const invitation = await ctx.db.invitation.findFirst({
      where: { id: invitationId, workspaceId: ctx.workspaceId, acceptedAt: null },
    });
    if (!invitation) throw new ActionError("not_found", "That invitation is not pending in this workspace");
    await ctx.db.invitation.delete({ where: { id: invitation.id } });
    ctx.audit({
      action: "member.revoke_invitation",
      targetType: "invitation",
      targetId: invitation.id,
      before: { email: invitation.email, role: invitation.role },
    });
    return { invitationId };
  },
});
