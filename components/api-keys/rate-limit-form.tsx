"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { setApiRateLimit } from "@/lib/api-keys/actions";

/** How many requests a second each key may make, per server process; past it the API answers 429. */
export function RateLimitForm({
  workspaceId,
  perSecond,
  canAdmin,
}: {
  workspaceId: string;
  perSecond: number;
  canAdmin: boolean;
}) {
  const [value, setValue] = useState(String(perSecond));
  const save = useAction(setApiRateLimit, { success: "Rate limit saved" });
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ workspaceId, perSecond: value });
      }}
    >
      <Field
        label="Requests a second per key"
        hint="Each key may make this many requests a second on each server (with twice as many in a burst); past it the API answers 429 with Retry-After. A client key serves every visitor of your storefront: size it for your busiest hour."
        error={save.fieldErrors.perSecond?.[0]}
      >
        <Input
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          readOnly={!canAdmin}
          invalid={!!save.fieldErrors.perSecond}
          className="max-w-40"
        />
      </Field>
      {canAdmin && (
        <Button type="submit" size="sm" loading={save.pending}>
          Save limit
        </Button>
      )}
    </form>
  );
}
