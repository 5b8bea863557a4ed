"use client";

import Link from "next/link";
import { useMemo } from "react";
import { fieldMessages } from "@/components/content/field-messages";
import { SegmentBuilder, type SegmentCatalog } from "@/components/segment-builder/segment-builder";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ruleIssuesOf } from "@/lib/segments/issue-paths";
import { UNIT_LABELS } from "./labels";
import { radioClasses, type StepProps } from "./step-props";
import type { TargetKind } from "./wizard-state";

const TARGETS: { id: TargetKind; label: string }[] = [
  { id: "everyone", label: "Everyone" },
  { id: "segment", label: "A saved segment" },
  { id: "rule", label: "A rule" },
];

/** Step 2: who may enter (everyone, a segment or a rule), what a unit is, and when it runs. */
export function StepWho({
  state,
  patch,
  options,
  errors,
  editable,
  catalog,
  workspaceSlug,
}: StepProps & { catalog: SegmentCatalog; workspaceSlug: string }) {
  // the action reports rule issues at "targeting.rule.…"; the builder reads them at "rule.…"
  const issues = useMemo(
    () =>
      ruleIssuesOf(
        Object.fromEntries(
          Object.entries(errors)
            .filter(([k]) => k.startsWith("targeting.rule"))
            .map(([k, v]) => [k.slice("targeting.".length), v]),
        ),
      ),
    [errors],
  );
  return (
    <div className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-gray-900">Who may enter</legend>
        {state.type === "ab" && <p className="text-xs text-gray-500">Within the visitors the experience targets.</p>}
        <div className="flex flex-wrap gap-4 text-sm">
          {TARGETS.map((t) => (
            <label key={t.id} className="flex items-center gap-2">
              <input
                type="radio"
                name="target-kind"
                className={radioClasses}
                checked={state.targetKind === t.id}
                disabled={!editable.targeting}
                onChange={() => patch({ targetKind: t.id })}
              />
              {t.label}
            </label>
          ))}
        </div>
        {fieldMessages(errors.targeting) && (
          <p role="alert" className="text-xs font-medium text-red-600">
            {fieldMessages(errors.targeting)}
          </p>
        )}
        {state.targetKind === "segment" && (
          <Field
            label="Segment"
            hint={
              <>
                Not there yet?{" "}
                <Link className="text-indigo-600 hover:underline" href={`/w/${workspaceSlug}/segments/new`}>
                  Create a segment
                </Link>
              </>
            }
            error={fieldMessages(errors["targeting.segmentId"])}
          >
            <Select
              value={state.segmentId}
              disabled={!editable.targeting}
              onChange={(e) => patch({ segmentId: e.target.value })}
            >
              <option value="">Choose a segment…</option>
              {options.segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {state.targetKind === "rule" && (
          <SegmentBuilder
            value={state.rule}
            onChange={(rule) => patch({ rule })}
            catalog={catalog}
            segments={options.segments}
            issues={issues}
            disabled={!editable.targeting}
          />
        )}
      </fieldset>
      <Field
        label="Unit"
        hint="What is bucketed: each unit keeps its arm"
        error={fieldMessages(errors.unitType)}
        className="max-w-md"
      >
        <Select
          value={state.unitType}
          disabled={!editable.design}
          onChange={(e) => patch({ unitType: e.target.value as typeof state.unitType })}
        >
          {Object.entries(UNIT_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-gray-900">Schedule (UTC)</legend>
        <p className="text-xs text-gray-500">Optional: leave both empty to run from its start until it is stopped.</p>
        <div className="grid max-w-lg gap-4 sm:grid-cols-2">
          <Field label="Starts" error={fieldMessages(errors.startsAt)}>
            <Input
              type="datetime-local"
              value={state.startsAt}
              disabled={!editable.schedule}
              onChange={(e) => patch({ startsAt: e.target.value.slice(0, 16) })}
            />
          </Field>
          <Field label="Ends" error={fieldMessages(errors.endsAt)}>
            <Input
              type="datetime-local"
              value={state.endsAt}
              disabled={!editable.schedule}
              onChange={(e) => patch({ endsAt: e.target.value.slice(0, 16) })}
            />
          </Field>
        </div>
      </fieldset>
    </div>
  );
}
