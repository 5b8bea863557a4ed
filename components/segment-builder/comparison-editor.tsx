"use client";

import { Select } from "@/components/ui/select";
import { OPERATOR_LABELS } from "@/lib/segments/describe";
import type { Comparison } from "@/lib/segments/schema";
import { defaultComparison, OPS_BY_TYPE, VALUE_TYPE_LABELS, VALUE_TYPES, withOp, type ValueType } from "./comparison";
import { useFieldIssues, WithIssue } from "./field-issue";
import type { Issue } from "./issues";
import { NumberOperands } from "./number-operands";
import { DateInput, ListInput, NumberInput, SuggestInput, Word } from "./value-inputs";

export type ComparisonEditorProps = {
  comparison: Comparison;
  /** Gets a plain comparison: the caller puts back its own fields (key, property, field). */
  onChange: (comparison: Comparison) => void;
  /** Issues relative to the node holding the comparison (`value`, `values`, `to`, `date`, `days`). */
  issues: readonly Issue[];
  examples: readonly string[];
  /** Offer a value-type select (traits and event properties; not context fields, whose type is fixed). */
  showType?: boolean;
  /** Prefix of the controls' accessible names, e.g. "Filter 1" → "Filter 1 operator". */
  prefix?: string;
};

/** Value type, operator and operand inputs of one comparison; used for traits, event property filters and context. */
export function ComparisonEditor({
  comparison: c,
  onChange,
  issues,
  examples,
  showType = false,
  prefix,
}: ComparisonEditorProps) {
  const field = useFieldIssues(issues);
  const name = (plain: string) => (prefix ? `${prefix} ${plain.toLowerCase()}` : plain);
  const labels: Record<string, string> = OPERATOR_LABELS[c.valueType];
  const typeIssue = field("valueType");
  const opIssue = field("op");
  return (
    <>
      {showType && (
        <WithIssue issue={typeIssue}>
          <Select
            aria-label={name("Value type")}
            value={c.valueType}
            onChange={(e) => onChange(defaultComparison(e.currentTarget.value as ValueType))}
            className="w-28"
            {...typeIssue.control}
          >
            {VALUE_TYPES.map((t) => (
              <option key={t} value={t}>
                {VALUE_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </WithIssue>
      )}
      <WithIssue issue={opIssue}>
        <Select
          aria-label={name("Operator")}
          value={c.op}
          onChange={(e) => onChange(withOp(c, e.currentTarget.value))}
          className="w-52"
          {...opIssue.control}
        >
          {OPS_BY_TYPE[c.valueType].map((op) => (
            <option key={op} value={op}>
              {labels[op]}
            </option>
          ))}
        </Select>
      </WithIssue>
      <Operands c={c} onChange={onChange} field={field} name={name} examples={examples} />
    </>
  );
}

function Operands({
  c,
  onChange,
  field,
  name,
  examples,
}: {
  c: Comparison;
  onChange: (c: Comparison) => void;
  field: ReturnType<typeof useFieldIssues>;
  name: (plain: string) => string;
  examples: readonly string[];
}) {
  if (c.op === "is_set" || c.op === "is_not_set") return null;
  switch (c.valueType) {
    case "string": {
      if (c.op === "in" || c.op === "not_in") {
        const issue = field("values");
        return (
          <WithIssue issue={issue}>
            <ListInput
              aria-label={name("Values")}
              values={c.values}
              suggestions={examples}
              onChange={(values) => onChange({ ...c, values })}
              {...issue.control}
            />
          </WithIssue>
        );
      }
      const issue = field("value");
      return (
        <WithIssue issue={issue}>
          <SuggestInput
            aria-label={name("Value")}
            placeholder="value"
            value={c.value}
            suggestions={examples}
            onChange={(value) => onChange({ ...c, value })}
            {...issue.control}
          />
        </WithIssue>
      );
    }
    case "number":
      return (
        <NumberOperands
          op={c.op}
          value={c.value}
          to={c.to}
          field={field}
          name={name}
          onChange={(operands) => onChange({ ...c, ...operands })}
        />
      );
    case "boolean":
      return null;
    case "date": {
      if (c.op === "before" || c.op === "after") {
        const issue = field("date");
        return (
          <WithIssue issue={issue}>
            <DateInput
              aria-label={name("Date")}
              value={c.date}
              onChange={(date) => onChange({ ...c, date: date || undefined })}
              {...issue.control}
            />
          </WithIssue>
        );
      }
      const issue = field("days");
      return (
        <>
          <WithIssue issue={issue}>
            <NumberInput
              aria-label={name("Days")}
              min={1}
              step={1}
              value={c.days}
              onChange={(days) => onChange({ ...c, days })}
              {...issue.control}
            />
          </WithIssue>
          <Word>{c.op === "more_than_days_ago" ? "days ago" : "days"}</Word>
        </>
      );
    }
  }
}
