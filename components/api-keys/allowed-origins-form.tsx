"use client";

import { useState } from "react";
import { setCorsOrigins } from "@/lib/workspaces/actions";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** The origins allowed to call the API from a browser with this workspace's client keys. */
export function AllowedOriginsForm({
  workspaceId,
  origins,
  canAdmin,
}: {
  workspaceId: string;
  origins: string[];
  canAdmin: boolean;
}) {
  const [text, setText] = useState(origins.join("\n"));
  const save = useAction(setCorsOrigins, { success: "Allowed origins saved" });
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ workspaceId, origins: text });
      }}
    >
      <Field
        label="Allowed origins"
        hint="One per line, like https://shop.example.com. Pages on these origins may ask for decisions and send events with a client key; the app's own origin always may."
        error={save.fieldErrors.origins?.[0]}
      >
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          readOnly={!canAdmin}
          aria-invalid={save.fieldErrors.origins ? true : undefined}
          className="w-full rounded-md border border-gray-300 px-3 py-2 font-mono text-sm shadow-xs aria-[invalid=true]:border-red-500"
        />
      </Field>
      {canAdmin && (
        <Button type="submit" size="sm" loading={save.pending}>
          Save origins
        </Button>
      )}
    </form>
  );
}
