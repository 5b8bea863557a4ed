"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { setWorkspaceEngine } from "@/lib/results/actions";
import { ENGINES, type Engine } from "@/lib/results/types";
import { ENGINE_HINTS, ENGINE_LABELS } from "./labels";

/** The workspace's default results engine, for experiments that do not choose their own (admins change it; others see it). */
export function WorkspaceEngineSetting({
  workspaceId,
  engine,
  canAdmin,
}: {
  workspaceId: string;
  engine: Engine;
  canAdmin: boolean;
}) {
  const [value, setValue] = useState<Engine>(engine);
  const save = useAction(setWorkspaceEngine, {
    success: (d) => `Experiments are read ${ENGINE_LABELS[d.engine]} by default`,
  });
  return (
    <Card role="region" aria-labelledby="results-engine-heading" className="max-w-xl">
      <CardHeader>
        <CardTitle id="results-engine-heading">Experiment results</CardTitle>
        <CardDescription>
          How results pages read experiments that do not choose an engine of their own. Anyone can switch the engine
          while reading; editors can fix one per experiment.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {canAdmin ? (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void save.run({ workspaceId, engine: value });
            }}
          >
            <Field
              label="Default engine"
              hint={ENGINE_HINTS[value]}
              error={save.fieldErrors.engine?.[0]}
              className="min-w-56 flex-1"
            >
              <Select value={value} onChange={(e) => setValue(e.target.value as Engine)}>
                {ENGINES.map((e) => (
                  <option key={e} value={e}>
                    {ENGINE_LABELS[e]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" size="md" loading={save.pending} disabled={value === engine}>
              Save default engine
            </Button>
          </form>
        ) : (
          <p className="text-sm text-gray-700" data-testid="workspace-engine">
            Default engine: <span className="font-medium text-gray-900">{ENGINE_LABELS[engine]}</span>.{" "}
            <span className="text-gray-500">Admins can change it.</span>
          </p>
        )}
      </CardContent>
    </Card>
  );
}
