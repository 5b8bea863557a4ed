import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { assertKeepsAnAdmin } from "./last-admin";
import { removeMemberSchema } from "../schema";

/** Removes a member from the workspace; the last admin cannot be removed. */
export const removeMemberDef = workspaceAction({
  name: "member.remove",
  role: "admin",
  input: removeMemberSchema,
  async handler(ctx, { membershipId }) {
    const member = await ctx.db.membership.findFirst({
      where: { id: membershipId, workspaceId: ctx.workspaceId },
      include: { user: { select: { email: true } } },
    });
    if (!member) throw new ActionError("not_found", "That member is not in this workspace");
    if (member.role === "admin") await assertKeepsAnAdmin(ctx.db, ctx.workspaceId, member.id);
    await ctx.db.membership.delete({ where: { id: member.id } });
    // their open sessions end too (removal from this workspace already takes effect at once: roles are read per request)
    await ctx.db.user.update({ where: { id: member.userId }, data: { sessionVersion: { increment: 1 } } });
    ctx.audit({
      action: "member.remove",
      targetType: "membership",
      targetId: member.id,
      before: { email: member.user.email, role: member.role },
    });
    return { membershipId };
  },
});
