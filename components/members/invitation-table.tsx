"use client";

import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { revokeInvitation } from "@/lib/members/actions";
import { formatDate } from "@/lib/format";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Invitation = { id: string; email: string; role: string; expiresAt: Date };

/** Invitations not yet accepted; admins can withdraw them. */
export function InvitationTable({
  workspaceId,
  invitations,
  canAdmin,
}: {
  workspaceId: string;
  invitations: Invitation[];
  canAdmin: boolean;
}) {
  const revoke = useAction(revokeInvitation, { success: "Invitation withdrawn" });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Expires</TableHead>
          {canAdmin ? (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((i) => (
          <TableRow key={i.id}>
            <TableCell>{i.email}</TableCell>
            <TableCell>{i.role}</TableCell>
            <TableCell>
              {i.expiresAt < new Date() ? <Badge tone="warning">expired</Badge> : formatDate(i.expiresAt)}
            </TableCell>
            {canAdmin ? (
              <TableCell className="text-right">
                <ConfirmButton
                  label="Withdraw"
                  title={`Withdraw the invitation of ${i.email}?`}
                  description="The link stops working."
                  pending={revoke.pending}
                  onConfirm={() => revoke.run({ workspaceId, invitationId: i.id })}
                />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
