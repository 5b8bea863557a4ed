"use client";

import type { FieldIssue } from "./field-issue";
import { WithIssue } from "./field-issue";
import { NumberInput, Word } from "./value-inputs";

/** The operand(s) of a number operator: none for is (not) set, two for between, else one. */
export function NumberOperands({
  op,
  value,
  to,
  onChange,
  field,
  name = (s) => s,
}: {
  op: string;
  value: number | undefined;
  to: number | undefined;
  onChange: (operands: { value: number | undefined; to: number | undefined }) => void;
  field: (...path: string[]) => FieldIssue;
  /** The accessible name of a control from its plain one ("Value" → "Filter 1 value"). */
  name?: (plain: string) => string;
}) {
  if (op === "is_set" || op === "is_not_set") return null;
  const lower = field("value");
  const upper = field("to");
  return (
    <>
      <WithIssue issue={lower}>
        <NumberInput
          aria-label={name("Value")}
          value={value}
          onChange={(v) => onChange({ value: v, to })}
          {...lower.control}
        />
      </WithIssue>
      {op === "between" && (
        <>
          <Word>and</Word>
          <WithIssue issue={upper}>
            <NumberInput
              aria-label={name("Upper bound")}
              value={to}
              onChange={(v) => onChange({ value, to: v })}
              {...upper.control}
            />
          </WithIssue>
        </>
      )}
    </>
  );
}
