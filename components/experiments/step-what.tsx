"use client";

import { fieldMessages } from "@/components/content/field-messages";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AbFields } from "./ab-fields";
import { FactorFields } from "./factor-fields";
import { FlagFields } from "./flag-fields";
import { radioClasses, type StepProps } from "./step-props";
import { blankArm, type WizardState } from "./wizard-state";

const TYPES: { id: WizardState["type"]; label: string; hint: string }[] = [
  {
    id: "ab",
    label: "A/B/n test of an experience",
    hint: "Its targeted visitors split between its content and others",
  },
  { id: "multivariate", label: "Multivariate test", hint: "Several placements at once: every combination of levels" },
  { id: "flag", label: "Feature flag", hint: "Your code asks for a value; each arm carries one (JSON)" },
];

/** Step 1: the kind of test and what it changes, its key, name and hypothesis. */
export function StepWhat(props: StepProps) {
  const { state, patch, errors, editable } = props;
  return (
    <div className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-semibold text-gray-900">What is tested</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {TYPES.map((t) => (
            <label
              key={t.id}
              className="flex cursor-pointer gap-2 rounded-md border border-gray-200 p-3 text-sm has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 has-[:disabled]:cursor-not-allowed"
            >
              <input
                type="radio"
                name="experiment-type"
                className={radioClasses + " mt-0.5"}
                checked={state.type === t.id}
                disabled={!editable.design}
                onChange={() =>
                  patch({
                    type: t.id,
                    arms: t.id === "flag" ? [blankArm(0), blankArm(1)] : t.id === "ab" ? [] : state.arms,
                    experienceId: t.id === "ab" ? state.experienceId : "",
                  })
                }
              />
              <span>
                <span className="block font-medium text-gray-900">{t.label}</span>
                <span className="block text-xs text-gray-500">{t.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldMessages(errors.type) && <p className="text-xs font-medium text-red-600">{fieldMessages(errors.type)}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={fieldMessages(errors.name)}>
          <Input
            value={state.name}
            onChange={(e) => patch({ name: e.target.value })}
            maxLength={120}
            placeholder="Hero headline test"
          />
        </Field>
        <Field
          label="Key"
          hint="What your code and the API name it by; it cannot change once started"
          error={fieldMessages(errors.key)}
        >
          <Input
            value={state.key}
            onChange={(e) => patch({ key: e.target.value })}
            maxLength={64}
            className="font-mono"
            disabled={!editable.design}
          />
        </Field>
      </div>
      <Field
        label="Hypothesis"
        hint="What you expect and why, e.g. “a shorter headline raises clicks by 5 %”"
        error={fieldMessages(errors.hypothesis)}
      >
        <textarea
          value={state.hypothesis}
          onChange={(e) => patch({ hypothesis: e.target.value })}
          rows={2}
          maxLength={2000}
          className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus-visible:border-accent-500 focus-visible:ring-3 focus-visible:ring-accent-500/20 focus-visible:outline-hidden aria-[invalid=true]:border-red-500"
        />
      </Field>
      {state.type === "ab" && <AbFields {...props} />}
      {state.type === "multivariate" && <FactorFields {...props} />}
      {state.type === "flag" && <FlagFields {...props} />}
    </div>
  );
}
