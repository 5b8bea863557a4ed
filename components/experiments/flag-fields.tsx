"use client";

import { fieldMessages } from "@/components/content/field-messages";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import type { StepProps } from "./step-props";
import { blankArm, evenWeights, type ArmDraft } from "./wizard-state";

const MAX_ARMS = 10;

/** Why a text is not JSON, or null when it is. */
function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `Not valid JSON${error instanceof Error ? `: ${error.message}` : ""} (text needs quotes: "blue")`;
  }
}

/** A feature flag's arms: key, name and the JSON value each one gives (checked as it is typed). */
export function FlagFields({ state, patch, errors, editable }: StepProps) {
  const setArm = (i: number, change: Partial<ArmDraft>) =>
    patch({ arms: state.arms.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  const reweigh = (arms: ArmDraft[]) => {
    const weights = evenWeights(arms.length);
    return arms.map((a, i) => ({ ...a, weight: weights[i]! }));
  };
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-gray-900">Arms and their values</legend>
      <p className="text-xs text-gray-500">
        <code>personalize.experiment(&quot;{state.key || "key"}&quot;)</code> answers with the value of the
        visitor&apos;s arm. The first arm is the control.
      </p>
      <ol className="space-y-3">
        {state.arms.map((arm, i) => {
          const problem = arm.value.trim() === "" ? 'Give it a value, e.g. true, 3 or "blue"' : jsonProblem(arm.value);
          return (
            <li key={arm.uid} className="rounded-md border border-gray-200 p-3" data-testid="arm-row">
              <div className="grid gap-3 sm:grid-cols-[8rem_minmax(0,1fr)_minmax(0,1.4fr)_auto] sm:items-start">
                <Field label={`Arm ${i + 1} key`} error={fieldMessages(errors[`variations.${i}.key`])}>
                  <Input
                    value={arm.key}
                    onChange={(e) => setArm(i, { key: e.target.value })}
                    maxLength={64}
                    className="font-mono"
                    disabled={!editable.design}
                  />
                </Field>
                <Field label={`Arm ${i + 1} name`} error={fieldMessages(errors[`variations.${i}.name`])}>
                  <Input
                    value={arm.name}
                    onChange={(e) => setArm(i, { name: e.target.value })}
                    maxLength={120}
                    disabled={!editable.names}
                  />
                </Field>
                <Field
                  label={`Arm ${i + 1} value (JSON)`}
                  error={problem ?? fieldMessages(errors[`variations.${i}.value`])}
                >
                  <textarea
                    value={arm.value}
                    onChange={(e) => setArm(i, { value: e.target.value })}
                    rows={2}
                    spellCheck={false}
                    readOnly={!editable.design}
                    className="block w-full rounded-md border border-gray-300 px-2.5 py-1.5 font-mono text-xs shadow-xs read-only:bg-gray-50 aria-[invalid=true]:border-red-500"
                  />
                </Field>
                {editable.design && state.arms.length > 2 && (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="sm:mt-6"
                    aria-label={`Remove arm ${i + 1}`}
                    onClick={() => patch({ arms: reweigh(state.arms.filter((_, j) => j !== i)) })}
                  >
                    <span aria-hidden="true">×</span>
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {fieldMessages(errors.variations) && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {fieldMessages(errors.variations)}
        </p>
      )}
      {editable.design && state.arms.length < MAX_ARMS && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => patch({ arms: reweigh([...state.arms, blankArm(state.arms.length, { value: '""' })]) })}
        >
          <PlusIcon /> Add an arm
        </Button>
      )}
    </fieldset>
  );
}
