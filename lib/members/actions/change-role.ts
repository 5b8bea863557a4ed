import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { assertKeepsAnAdmin } from "./last-admin";
import { changeRoleSchema } from "../schema";

/** Changes a member's role; the last admin cannot be demoted. */
export const changeRoleDef = workspaceAction({
  name: "member.change_role",
  role: "admin",
  input: changeRoleSchema,
  async handler(ctx, { membershipId, role }) {
    const member = await ctx.db.membership.findFirst({ where: { id: membershipId, workspaceId: ctx.workspaceId } });
    if (!member) throw new ActionError("not_found", "That member is not in this workspace");
    if (member.role === role) return { membershipId, role };
    if (member.role === "admin") await assertKeepsAnAdmin(ctx.db, ctx.workspaceId, member.id);
    await ctx.db.membership.update({ where: { id: member.id }, data: { role } });
    ctx.audit({
      action: "member.change_role",
      targetType: "membership",
      targetId: member.id,
      before: { role: member.role },
      after: { role },
    });
    return { membershipId, role };
  },
});
