"use client";

import { fieldMessages } from "@/components/content/field-messages";
import { TemplateHelp, TemplateTextarea } from "@/components/content/template-textarea";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { StepProps } from "./step-props";
import { blankArm, evenWeights, NEW_CONTENT, type ArmDraft } from "./wizard-state";

const MAX_ARMS = 10;

/** The arms of an A/B/n test: key, name and content each (the experience's variants, the default, or new content). */
export function ArmRows({
  state,
  patch,
  errors,
  editable,
  contents,
  contentType,
}: StepProps & { contents: { id: string; name: string }[]; contentType: string }) {
  const setArm = (i: number, change: Partial<ArmDraft>) =>
    patch({ arms: state.arms.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  const reweigh = (arms: ArmDraft[]) => {
    const weights = evenWeights(arms.length);
    return arms.map((a, i) => ({ ...a, weight: weights[i]! }));
  };
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-gray-900">Arms</legend>
      <p className="text-xs text-gray-500">The first arm is the control; results compare every other arm with it.</p>
      <ol className="space-y-3">
        {state.arms.map((arm, i) => (
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
              <Field label={`Arm ${i + 1} content`} error={fieldMessages(errors[`variations.${i}.variantId`])}>
                <Select
                  value={arm.content}
                  disabled={!editable.design}
                  onChange={(e) => setArm(i, { content: e.target.value })}
                >
                  {contents.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                  {editable.design && <option value={NEW_CONTENT}>New content…</option>}
                </Select>
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
            {arm.content === NEW_CONTENT && (
              <Field
                className="mt-3"
                label={`Arm ${i + 1} template (${contentType})`}
                hint={
                  <>
                    Saved as a new variant of the experience. <TemplateHelp />
                  </>
                }
                error={fieldMessages(errors[`variations.${i}.body`])}
              >
                <TemplateTextarea rows={4} value={arm.body} onChange={(e) => setArm(i, { body: e.target.value })} />
              </Field>
            )}
          </li>
        ))}
      </ol>
      {editable.design && state.arms.length < MAX_ARMS && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() =>
            patch({ arms: reweigh([...state.arms, blankArm(state.arms.length, { content: NEW_CONTENT })]) })
          }
        >
          <PlusIcon /> Add an arm
        </Button>
      )}
    </fieldset>
  );
}
