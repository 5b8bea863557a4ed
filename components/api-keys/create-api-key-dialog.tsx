"use client";

import { useRevealAction } from "@/components/actions/use-reveal-action";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { KeyIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createApiKey } from "@/lib/api-keys/actions";

const KINDS = {
  write: "Write key — server-side ingest of events and customer data",
  client: "Client key — safe in the browser: decisions and events",
  admin: "Admin key — full API access, keep it on servers",
} as const;
type Kind = keyof typeof KINDS;

/** Creates a key and shows its value once. */
export function CreateApiKeyDialog({ workspaceId }: { workspaceId: string }) {
  const create = useRevealAction(createApiKey, { success: "Key created", reveal: (d) => d.key });
  const key = create.revealed;
  return (
    <Dialog open={create.open} onOpenChange={create.onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <KeyIcon /> Create API key
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Create an API key"
        description="Only a hash of the key is stored: copy it now, it is not shown again."
      >
        {key ? (
          <>
            <CopyField label="Your new key" value={key} />
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
              void create.run({
                workspaceId,
                name: String(form.get("name") ?? ""),
                kind: String(form.get("kind")) as Kind,
              });
            }}
          >
            <Field
              label="Name"
              hint="Where it is used, e.g. “Storefront production”"
              error={create.fieldErrors.name?.[0]}
            >
              <Input name="name" required maxLength={80} invalid={!!create.fieldErrors.name} />
            </Field>
            <Field label="Type" error={create.fieldErrors.kind?.[0]}>
              <Select name="kind" defaultValue="write">
                {Object.entries(KINDS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
            <DialogFooter>
              <Button type="submit" loading={create.pending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
