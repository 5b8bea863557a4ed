"use server";

import { serverAction } from "@/lib/actions/server-action";
import { changeRoleDef } from "./change-role";
import { inviteMemberDef } from "./invite";
import { removeMemberDef } from "./remove";
import { revokeInvitationDef } from "./revoke-invitation";
import { signIn } from "@/lib/auth/auth";
import { acceptInvitation } from "./accept-invitation";

export const inviteMember = serverAction(inviteMemberDef);
export const changeMemberRole = serverAction(changeRoleDef);
export const removeMember = serverAction(removeMemberDef);
export const revokeInvitation = serverAction(revokeInvitationDef);

export type AcceptState = { error?: string; fieldErrors?: Record<string, string[]> };

/** Accepts the invitation, then signs the member in and opens the workspace. */
export async function acceptInvitationAction(_previous: AcceptState, form: FormData): Promise<AcceptState> {
  const name = String(form.get("name") ?? "");
  const password = String(form.get("password") ?? "");
  const result = await acceptInvitation({ token: form.get("token"), name: name || undefined, password });
  if (!result.ok) return { error: result.error.message, fieldErrors: result.error.fieldErrors };
  await signIn("credentials", { email: result.data.email, password, redirectTo: `/w/${result.data.workspaceSlug}` });
  return {};
}
