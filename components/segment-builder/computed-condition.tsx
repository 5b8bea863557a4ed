"use client";

import { Select } from "@/components/ui/select";
import { COMPUTED_FIELD_LABELS, OPERATOR_LABELS } from "@/lib/segments/describe";
import { COMPUTED_FIELDS, NUMBER_OPS, type ComputedCondition, type Condition } from "@/lib/segments/schema";
import { useFieldIssues, WithIssue } from "./field-issue";
import type { Issue } from "./issues";
import { NumberOperands } from "./number-operands";

/** A value computed from the profile's events (orders, revenue, RFM scores …) compared with a number. */
export function ComputedConditionFields({
  condition,
  onChange,
  issues,
}: {
  condition: ComputedCondition;
  onChange: (next: Condition) => void;
  issues: readonly Issue[];
}) {
  const field = useFieldIssues(issues);
  const computed = field("field");
  const op = field("op");
  const set = (patch: Partial<ComputedCondition>) => onChange({ ...condition, ...patch });
  return (
    <>
      <WithIssue issue={computed}>
        <Select
          aria-label="Computed value"
          value={condition.field}
          onChange={(e) => set({ field: e.currentTarget.value as ComputedCondition["field"] })}
          className="w-52"
          {...computed.control}
        >
          {COMPUTED_FIELDS.map((f) => (
            <option key={f} value={f}>
              {COMPUTED_FIELD_LABELS[f]}
            </option>
          ))}
        </Select>
      </WithIssue>
      <WithIssue issue={op}>
        <Select
          aria-label="Operator"
          value={condition.op}
          onChange={(e) => set({ op: e.currentTarget.value as ComputedCondition["op"] })}
          className="w-40"
          {...op.control}
        >
          {NUMBER_OPS.map((o) => (
            <option key={o} value={o}>
              {OPERATOR_LABELS.number[o]}
            </option>
          ))}
        </Select>
      </WithIssue>
      <NumberOperands
        op={condition.op}
        value={condition.value}
        to={condition.to}
        field={field}
        onChange={(operands) => set(operands)}
      />
    </>
  );
}
