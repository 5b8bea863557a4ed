"use client";

import { useRevealAction } from "@/components/actions/use-reveal-action";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { KeyIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { createIdentitySecret } from "@/lib/identity/actions";

const OVERLAPS = [
  [24, "for 24 hours (time to deploy the new one)"],
  [168, "for 7 days"],
  [1, "for 1 hour"],
  [0, "no longer: it leaked"],
] as const;

/** Makes an identity secret and shows it once; the one it replaces keeps verifying for the chosen overlap. */
export function NewSecretDialog({ workspaceId, replacing }: { workspaceId: string; replacing: boolean }) {
  const create = useRevealAction(createIdentitySecret, { success: "Identity secret created", reveal: (d) => d.secret });
  const secret = create.revealed;
  return (
    <Dialog open={create.open} onOpenChange={create.onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <KeyIcon /> {replacing ? "Rotate secret" : "Create identity secret"}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={replacing ? "Rotate the identity secret" : "Create an identity secret"}
        description="Your storefront's server signs each signed-in customer's user id with it. Keep it on servers: copy it now, it is not shown again."
      >
        {secret ? (
          <>
            <CopyField label="Your new identity secret" value={secret} />
            <p className="text-sm text-gray-600">
              On your server: <code className="font-mono text-xs">userHash = HMAC-SHA256(secret, userId)</code> in hex,
              then give it to the browser SDK with the user id.
            </p>
            <DialogFooter>
              <Button onClick={create.close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              void create.run({ workspaceId, overlapHours: Number(form.get("overlapHours") ?? 24) as 24 });
            }}
          >
            {replacing ? (
              <Field label="The current secret keeps working" error={create.fieldErrors.overlapHours?.[0]}>
                <Select name="overlapHours" defaultValue="24">
                  {OVERLAPS.map(([hours, label]) => (
                    <option key={hours} value={hours}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <input type="hidden" name="overlapHours" value="0" />
            )}
            <DialogFooter>
              <Button type="submit" loading={create.pending}>
                Create secret
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
