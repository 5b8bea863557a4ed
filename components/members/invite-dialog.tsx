"use client";

import { useRevealAction } from "@/components/actions/use-reveal-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { inviteMember } from "@/lib/members/actions";
import { ROLE_DESCRIPTIONS, ROLES, type Role } from "@/lib/members/roles";
import { CopyField } from "@/components/ui/copy-field";

/** Invites by email and role, then shows the one-time invitation link to send. */
export function InviteDialog({ workspaceId }: { workspaceId: string }) {
  const invite = useRevealAction(inviteMember, {
    success: "Invitation created",
    reveal: (d) => `${window.location.origin}${d.invitePath}`,
  });
  const link = invite.revealed;
  return (
    <Dialog open={invite.open} onOpenChange={invite.onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon /> Invite member
        </Button>
      </DialogTrigger>
      <DialogContent title="Invite a member" description="They join with the role you choose once they open the link.">
        {link ? (
          <>
            <CopyField label="Invitation link (valid 7 days, shown once)" value={link} />
            <DialogFooter>
              <Button onClick={invite.close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              void invite.run({
                workspaceId,
                email: String(form.get("email") ?? ""),
                role: String(form.get("role")) as Role,
              });
            }}
          >
            <Field label="Email" error={invite.fieldErrors.email?.[0]}>
              <Input name="email" type="email" autoComplete="off" required invalid={!!invite.fieldErrors.email} />
            </Field>
            <Field label="Role" error={invite.fieldErrors.role?.[0]}>
              <Select name="role" defaultValue="editor">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r} — {ROLE_DESCRIPTIONS[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <DialogFooter>
              <Button type="submit" loading={invite.pending}>
                Create invitation
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
