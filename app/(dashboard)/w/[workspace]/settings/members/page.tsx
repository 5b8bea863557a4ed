import type { Metadata } from "next";
import { InvitationTable } from "@/components/members/invitation-table";
import { InviteDialog } from "@/components/members/invite-dialog";
import { MemberTable } from "@/components/members/member-table";
import { listMembers, listPendingInvitations } from "@/lib/members/db/members";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, user, can } = await requireWorkspace((await params).workspace);
  const [members, invitations] = await Promise.all([listMembers(workspace.id), listPendingInvitations(workspace.id)]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="members-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="members-heading" className="text-base font-semibold">
            Members
          </h2>
          {can.admin ? <InviteDialog workspaceId={workspace.id} /> : null}
        </div>
        <MemberTable workspaceId={workspace.id} members={members} currentUserId={user.id} canAdmin={can.admin} />
      </section>
      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-base font-semibold">
            Pending invitations
          </h2>
          <InvitationTable workspaceId={workspace.id} invitations={invitations} canAdmin={can.admin} />
        </section>
      ) : null}
    </div>
  );
}
