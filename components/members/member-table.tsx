"use client";

import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { changeMemberRole, removeMember } from "@/lib/members/actions";
import { ROLES, type Role } from "@/lib/members/roles";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Member = { id: string; role: Role; user: { id: string; name: string; email: string } };

/** Members with their roles; admins can change a role or remove a member. */
export function MemberTable({
  workspaceId,
  members,
  currentUserId,
  canAdmin,
}: {
  workspaceId: string;
  members: Member[];
  currentUserId: string;
  canAdmin: boolean;
}) {
  const roleChange = useAction(changeMemberRole, { success: "Role changed" });
  const removal = useAction(removeMember, { success: "Member removed" });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          {canAdmin ? (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => (
          <TableRow key={m.id}>
            <TableCell className="font-medium">
              {m.user.name} {m.user.id === currentUserId ? <span className="text-gray-400">(you)</span> : null}
            </TableCell>
            <TableCell>{m.user.email}</TableCell>
            <TableCell>
              {canAdmin ? (
                <Select
                  aria-label={`Role of ${m.user.email}`}
                  value={m.role}
                  disabled={roleChange.pending}
                  onChange={(e) =>
                    void roleChange.run({ workspaceId, membershipId: m.id, role: e.target.value as Role })
                  }
                  className="w-32"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </Select>
              ) : (
                <Badge tone={m.role === "admin" ? "accent" : "neutral"}>{m.role}</Badge>
              )}
            </TableCell>
            {canAdmin ? (
              <TableCell className="text-right">
                <ConfirmButton
                  label="Remove"
                  title={`Remove ${m.user.name}?`}
                  description={`${m.user.email} will lose access to this workspace at once.`}
                  pending={removal.pending}
                  onConfirm={() => removal.run({ workspaceId, membershipId: m.id })}
                />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
