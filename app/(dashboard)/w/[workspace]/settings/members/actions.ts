"use server";

import { serverAction } from "@/lib/actions/server-action";
import { changeRoleDef } from "@/lib/members/change-role";
import { inviteMemberDef } from "@/lib/members/invite";
import { removeMemberDef } from "@/lib/members/remove";
import { revokeInvitationDef } from "@/lib/members/revoke-invitation";

export const inviteMember = serverAction(inviteMemberDef);
export const changeMemberRole = serverAction(changeRoleDef);
export const removeMember = serverAction(removeMemberDef);
export const revokeInvitation = serverAction(revokeInvitationDef);
