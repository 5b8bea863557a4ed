"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createPlacement } from "@/lib/content/actions";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ContentType } from "@/lib/content/template";
import { fieldMessages } from "./field-messages";
import { TemplateHelp, TemplateTextarea } from "./template-textarea";

/** "Home hero" → "home-hero": the key suggested while the marketer has not typed one. */
const keyOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);

/** A new placement: its name, the key the storefront marks the slot with, its content type and default content. */
export function NewPlacementDialog({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const [contentType, setContentType] = useState<ContentType>("html");
  const [jsonSchema, setJsonSchema] = useState("");
  const [defaultBody, setDefaultBody] = useState("");
  const create = useAction(createPlacement, {
    success: "Placement created",
    onSuccess: (data) => router.push(`/w/${workspaceSlug}/content/${data.placementId}`),
  });
  const errors = create.fieldErrors;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon /> New placement
        </Button>
      </DialogTrigger>
      <DialogContent
        className="max-w-2xl"
        title="New placement"
        description={
          'A named slot on your storefront. Mark it with data-placement="key"; it shows its default content until you add experiences.'
        }
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void create.run({
              workspaceId,
              name,
              key: key ?? keyOf(name),
              contentType,
              jsonSchema: contentType === "json" ? jsonSchema || null : null,
              defaultBody,
            });
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" error={fieldMessages(errors.name)}>
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} placeholder="Home hero" />
            </Field>
            <Field label="Key" hint="Lowercase letters, digits and dashes" error={fieldMessages(errors.key)}>
              <Input
                value={key ?? keyOf(name)}
                onChange={(e) => setKey(e.target.value)}
                maxLength={63}
                className="font-mono"
                placeholder="home-hero"
              />
            </Field>
          </div>
          <Field label="Content type" hint="It cannot change later: the storefront depends on it.">
            <Select value={contentType} onChange={(e) => setContentType(e.target.value as ContentType)}>
              <option value="html">HTML</option>
              <option value="text">Text</option>
              <option value="json">JSON</option>
            </Select>
          </Field>
          {contentType === "json" && (
            <Field
              label="JSON schema"
              hint="Optional: JSON content must satisfy it"
              error={fieldMessages(errors.jsonSchema)}
            >
              <TemplateTextarea rows={5} value={jsonSchema} onChange={(e) => setJsonSchema(e.target.value)} />
            </Field>
          )}
          <Field
            label="Default content"
            hint={
              <>
                Shown to everyone no experience matches. <TemplateHelp />
              </>
            }
            error={fieldMessages(errors.defaultBody)}
          >
            <TemplateTextarea rows={6} value={defaultBody} onChange={(e) => setDefaultBody(e.target.value)} />
          </Field>
          <DialogFooter>
            <Button type="submit" loading={create.pending}>
              Create placement
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
