"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Email + password form; errors appear beside the fields or above the button. */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email" id="email" error={state.fieldErrors?.email?.[0]}>
        <Input
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          invalid={!!state.fieldErrors?.email}
          required
        />
      </Field>
      <Field label="Password" id="password" error={state.fieldErrors?.password?.[0]}>
        <Input
          name="password"
          type="password"
          autoComplete="current-password"
          invalid={!!state.fieldErrors?.password}
          required
        />
      </Field>
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" loading={pending}>
        Sign in
      </Button>
    </form>
  );
}
