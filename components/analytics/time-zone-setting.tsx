"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { SuggestInput } from "@/components/goals/suggest-input";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { setTimeZone } from "@/lib/workspaces/actions";

/** The workspace's time zone, which the overview counts days in (admins change it; others see it). */
export function TimeZoneSetting({
  workspaceId,
  timeZone,
  choices,
  canAdmin,
}: {
  workspaceId: string;
  timeZone: string;
  /** The names offered as suggestions (any IANA name is accepted). */
  choices: string[];
  canAdmin: boolean;
}) {
  const router = useRouter();
  const [value, setValue] = useState(timeZone);
  const save = useAction(setTimeZone, {
    success: (d) => `Days are counted in ${d.timeZone}`,
    onSuccess: (d) => {
      setValue(d.timeZone);
      router.refresh();
    },
  });
  return (
    <Card role="region" aria-labelledby="time-zone-heading" className="max-w-xl" id="time-zone">
      <CardHeader>
        <CardTitle id="time-zone-heading">Time zone</CardTitle>
        <CardDescription>
          The overview counts its days in this time zone: &ldquo;today&rdquo;, the last 7 days and each day of its
          charts begin at local midnight.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {canAdmin ? (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void save.run({ workspaceId, timeZone: value });
            }}
          >
            <Field
              label="Time zone"
              hint="An IANA name, such as Europe/Paris or America/New_York"
              error={save.fieldErrors.timeZone?.[0]}
              className="min-w-56 flex-1"
            >
              <SuggestInput
                value={value}
                onChange={(e) => setValue(e.target.value)}
                suggestions={choices}
                maxLength={64}
                invalid={!!save.fieldErrors.timeZone}
              />
            </Field>
            <Button type="submit" size="md" loading={save.pending} disabled={value.trim() === timeZone}>
              Save time zone
            </Button>
          </form>
        ) : (
          <p className="text-sm text-gray-700" data-testid="workspace-time-zone">
            Days are counted in <span className="font-medium text-gray-900">{timeZone}</span>.{" "}
            <span className="text-gray-500">Admins can change it.</span>
          </p>
        )}
      </CardContent>
    </Card>
  );
}
