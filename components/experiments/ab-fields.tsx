"use client";

import { fieldMessages } from "@/components/content/field-messages";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ArmRows } from "./arm-rows";
import type { StepProps } from "./step-props";
import { blankArm, evenWeights } from "./wizard-state";

/** An A/B/n test: a placement's experience, whose targeted visitors are split between arms of content. */
export function AbFields(props: StepProps) {
  const { state, patch, options, errors, editable } = props;
  const placements = options.placements.filter((p) => p.experiences.length > 0);
  const placement = options.placements.find((p) => p.id === state.placementId);
  const experience = placement?.experiences.find((x) => x.id === state.experienceId);

  function chooseExperience(experienceId: string) {
    const chosen = placement?.experiences.find((x) => x.id === experienceId);
    if (!chosen) return patch({ experienceId: "", arms: [] });
    // its variants as arms, the placement's default content as the control
    const weights = evenWeights(chosen.variants.length + 1);
    patch({
      experienceId,
      arms: [
        blankArm(0, { weight: weights[0]! }),
        ...chosen.variants.map((v, i) =>
          blankArm(i + 1, {
            content: v.id,
            name: chosen.variants.length > 1 ? v.name : chosen.name,
            weight: weights[i + 1]!,
          }),
        ),
      ],
    });
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Placement" hint={placements.length === 0 ? "No placement has an experience yet" : undefined}>
          <Select
            value={state.placementId}
            disabled={!editable.design}
            onChange={(e) => patch({ placementId: e.target.value, experienceId: "", arms: [] })}
          >
            <option value="">Choose a placement…</option>
            {placements.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Experience"
          hint="Visitors it targets are split; everyone else is untouched"
          error={fieldMessages(errors.experienceId)}
        >
          <Select
            value={state.experienceId}
            disabled={!editable.design || !placement}
            onChange={(e) => chooseExperience(e.target.value)}
          >
            <option value="">{placement ? "Choose an experience…" : "Choose a placement first"}</option>
            {placement?.experiences.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
                {x.status !== "live" ? ` (${x.status})` : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {experience && (
        <ArmRows
          {...props}
          contents={[
            { id: "", name: `Default content of ${placement!.name}` },
            ...experience.variants.map((v) => ({ id: v.id, name: v.name })),
          ]}
          contentType={placement!.contentType}
        />
      )}
      {fieldMessages(errors.variations) && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {fieldMessages(errors.variations)}
        </p>
      )}
      {!experience && state.arms.length > 0 && (
        <p className="text-sm text-gray-500">Choose the experience to see its arms.</p>
      )}
    </div>
  );
}
