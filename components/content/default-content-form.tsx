"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updatePlacement } from "@/lib/content/actions";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ContentType } from "@/lib/content/template";
import { fieldMessages } from "./field-messages";
import { TemplateHelp, TemplateTextarea } from "./template-textarea";

type Props = {
  workspaceId: string;
  placement: { id: string; name: string; contentType: ContentType; jsonSchema: string | null; defaultBody: string };
  canEdit: boolean;
};

/** The placement's name, JSON schema (JSON placements) and default content: editable by editors, read-only for viewers. */
export function DefaultContentForm({ workspaceId, placement, canEdit }: Props) {
  const router = useRouter();
  const [name, setName] = useState(placement.name);
  const [jsonSchema, setJsonSchema] = useState(placement.jsonSchema ?? "");
  const [defaultBody, setDefaultBody] = useState(placement.defaultBody);
  const save = useAction(updatePlacement, { success: "Default content saved", onSuccess: () => router.refresh() });
  const errors = save.fieldErrors;
  const json = placement.contentType === "json";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Default content</CardTitle>
        <CardDescription>
          Shown to everyone no experience matches, and to everyone while the kill switch is on.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void save.run({
              workspaceId,
              placementId: placement.id,
              name,
              jsonSchema: json ? jsonSchema || null : null,
              defaultBody,
            });
          }}
        >
          <Field label="Placement name" error={fieldMessages(errors.name)}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} readOnly={!canEdit} />
          </Field>
          {json && (
            <Field
              label="JSON schema"
              hint="Optional: JSON content must satisfy it"
              error={fieldMessages(errors.jsonSchema)}
            >
              <TemplateTextarea
                rows={6}
                value={jsonSchema}
                onChange={(e) => setJsonSchema(e.target.value)}
                readOnly={!canEdit}
              />
            </Field>
          )}
          <Field
            label="Default template"
            hint={canEdit ? <TemplateHelp /> : undefined}
            error={fieldMessages(errors.defaultBody)}
          >
            <TemplateTextarea
              value={defaultBody}
              onChange={(e) => setDefaultBody(e.target.value)}
              readOnly={!canEdit}
            />
          </Field>
          {canEdit && (
            <Button type="submit" loading={save.pending}>
              Save default content
            </Button>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
