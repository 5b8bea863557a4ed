"use client";

import { useState, type ReactNode } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";

/**
 * One workspace setting edited as text (a list one per line, or a single
 * value) and saved by its action; its error shows under the field. Viewers
 * and editors see it read-only. The settings pages' allowed origins,
 * request traits and rate limit are each one of these.
 */
export function SettingForm<F extends string>({
  workspaceId,
  field,
  initial,
  action,
  label,
  hint,
  submitLabel,
  success,
  canAdmin,
  multiline = false,
}: {
  workspaceId: string;
  /** The action's input field, also where its error is reported. */
  field: F;
  initial: string;
  action: (input: { workspaceId: string } & Record<F, string>) => Promise<ActionResult<unknown>>;
  label: string;
  hint: ReactNode;
  submitLabel: string;
  success: string;
  canAdmin: boolean;
  multiline?: boolean;
}) {
  const [value, setValue] = useState(initial);
  const save = useAction(action, { success });
  const error = save.fieldErrors[field]?.[0];
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ workspaceId, [field]: value } as { workspaceId: string } & Record<F, string>);
      }}
    >
      <Field label={label} hint={hint} error={error}>
        {multiline ? (
          <textarea
            value={value}
            onChange={(e) => setValue(e.target.value)}
            rows={4}
            readOnly={!canAdmin}
            aria-invalid={error ? true : undefined}
            className="w-full rounded-md border border-gray-300 px-3 py-2 font-mono text-sm shadow-xs aria-[invalid=true]:border-red-500"
          />
        ) : (
          <Input
            inputMode="numeric"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            readOnly={!canAdmin}
            invalid={!!error}
            className="max-w-40"
          />
        )}
      </Field>
      {canAdmin && (
        <Button type="submit" size="sm" loading={save.pending}>
          {submitLabel}
        </Button>
      )}
    </form>
  );
}
