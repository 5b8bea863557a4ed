"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { setRequestTraits } from "@/lib/identity/actions";

/** The trait keys a browser's decide request may supply for targeting (the rest are ignored). */
export function RequestTraitsForm({
  workspaceId,
  traits,
  canAdmin,
}: {
  workspaceId: string;
  traits: string[];
  canAdmin: boolean;
}) {
  const [text, setText] = useState(traits.join("\n"));
  const save = useAction(setRequestTraits, { success: "Request traits saved" });
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ workspaceId, traits: text });
      }}
    >
      <Field
        label="Request traits"
        hint="Trait keys a page may send with a decision request made with a client key, one per line (like locale or cart_size). Anyone can send any value, so never list a trait that grants something; other traits in a request are ignored, and the answer names them."
        error={save.fieldErrors.traits?.[0]}
      >
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          readOnly={!canAdmin}
          aria-invalid={save.fieldErrors.traits ? true : undefined}
          className="w-full rounded-md border border-gray-300 px-3 py-2 font-mono text-sm shadow-xs aria-[invalid=true]:border-red-500"
        />
      </Field>
      {canAdmin && (
        <Button type="submit" size="sm" loading={save.pending}>
          Save request traits
        </Button>
      )}
    </form>
  );
}
