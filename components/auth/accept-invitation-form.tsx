"use client";

import { useActionState } from "react";
import { acceptInvitationAction, type AcceptState } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** New accounts choose a name and password; existing accounts confirm with their password. */
export function AcceptInvitationForm({
  token,
  email,
  hasAccount,
}: {
  token: string;
  email: string;
  hasAccount: boolean;
}) {
  const [state, formAction, pending] = useActionState<AcceptState, FormData>(acceptInvitationAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label="Email">
        <Input value={email} readOnly disabled />
      </Field>
      {hasAccount ? null : (
        <Field label="Your name" error={state.fieldErrors?.name?.[0]}>
          <Input name="name" autoComplete="name" required invalid={!!state.fieldErrors?.name} />
        </Field>
      )}
      <Field
        label={hasAccount ? "Your password" : "Choose a password"}
        hint={hasAccount ? undefined : "At least 8 characters"}
        error={state.fieldErrors?.password?.[0]}
      >
        <Input
          name="password"
          type="password"
          autoComplete={hasAccount ? "current-password" : "new-password"}
          required
          invalid={!!state.fieldErrors?.password}
        />
      </Field>
      {state.error && !state.fieldErrors ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" loading={pending}>
        Join workspace
      </Button>
    </form>
  );
}
