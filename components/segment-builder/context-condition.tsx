"use client";

import { Select } from "@/components/ui/select";
import { CONTEXT_FIELD_LABELS } from "@/lib/segments/describe";
import { CONTEXT_FIELDS, type Condition, type ContextCondition, type ContextField } from "@/lib/segments/schema";
import { ComparisonEditor } from "./comparison-editor";
import { defaultComparison } from "./comparison";
import { useFieldIssues, WithIssue } from "./field-issue";
import type { Issue } from "./issues";

/** Values the decision API sends for these fields (see VisitContext). */
const EXAMPLES: Partial<Record<ContextField, string[]>> = {
  device: ["desktop", "mobile", "tablet"],
  weekday: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
  visitor: ["new", "returning"],
  utm_medium: ["email", "cpc", "social", "referral"],
};

const typeOf = (field: ContextField) => (field === "local_hour" ? "number" : "string");

/** A field of the current visit compared with a value; the hour is a number (0–23), the rest text. */
export function ContextConditionFields({
  condition,
  onChange,
  issues,
}: {
  condition: ContextCondition;
  onChange: (next: Condition) => void;
  issues: readonly Issue[];
}) {
  const field = useFieldIssues(issues);
  const issue = field("field");
  const setField = (next: ContextField) => {
    const comparison = typeOf(next) === condition.valueType ? condition : defaultComparison(typeOf(next));
    onChange({ ...comparison, type: "context", id: condition.id, field: next });
  };
  return (
    <>
      <WithIssue issue={issue}>
        <Select
          aria-label="Visit field"
          value={condition.field}
          onChange={(e) => setField(e.currentTarget.value as ContextField)}
          className="w-52"
          {...issue.control}
        >
          {CONTEXT_FIELDS.map((f) => (
            <option key={f} value={f}>
              {CONTEXT_FIELD_LABELS[f]}
            </option>
          ))}
        </Select>
      </WithIssue>
      <ComparisonEditor
        comparison={condition}
        examples={EXAMPLES[condition.field] ?? []}
        issues={issues}
        onChange={(c) => onChange({ ...c, type: "context", id: condition.id, field: condition.field })}
      />
      <p className="basis-full text-xs text-gray-500">Only checked when deciding for a visit; counts ignore it.</p>
    </>
  );
}
