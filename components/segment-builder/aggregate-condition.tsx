"use client";

import { Select } from "@/components/ui/select";
import { AGGREGATE_FN_LABELS, OPERATOR_LABELS } from "@/lib/segments/describe";
import { AGGREGATE_FNS, NUMERIC_OPS, type AggregateCondition, type Condition } from "@/lib/segments/schema";
import { useBuilder } from "./builder-context";
import { EventInput } from "./event-input";
import { useFieldIssues, WithIssue } from "./field-issue";
import { FiltersEditor } from "./filters-editor";
import { issuesUnder, type Issue } from "./issues";
import { NumberOperands } from "./number-operands";
import { SuggestInput, Word } from "./value-inputs";
import { WindowEditor } from "./window-editor";

/** "[sum] of [revenue] of [Order Completed] [in the last 90 days] [is more than] [200]", then property filters. */
export function AggregateConditionFields({
  condition,
  onChange,
  issues,
}: {
  condition: AggregateCondition;
  onChange: (next: Condition) => void;
  issues: readonly Issue[];
}) {
  const { catalog } = useBuilder();
  const field = useFieldIssues(issues);
  const fn = field("fn");
  const property = field("property");
  const op = field("op");
  const set = (patch: Partial<AggregateCondition>) => onChange({ ...condition, ...patch });
  const properties = catalog.events.find((e) => e.name === condition.event)?.properties ?? [];
  // sums, averages and extremes read numbers; a distinct count reads any value
  const measurable = condition.fn === "count_distinct" ? properties : properties.filter((p) => p.type === "number");
  return (
    <>
      <WithIssue issue={fn}>
        <Select
          aria-label="Function"
          value={condition.fn}
          onChange={(e) => set({ fn: e.currentTarget.value as AggregateCondition["fn"] })}
          className="w-36"
          {...fn.control}
        >
          {AGGREGATE_FNS.map((f) => (
            <option key={f} value={f}>
              {AGGREGATE_FN_LABELS[f]}
            </option>
          ))}
        </Select>
      </WithIssue>
      <Word>of</Word>
      <WithIssue issue={property}>
        <SuggestInput
          aria-label="Property"
          placeholder="property"
          value={condition.property}
          suggestions={measurable.map((p) => p.key)}
          onChange={(v) => set({ property: v ?? "" })}
          className="w-36"
          {...property.control}
        />
      </WithIssue>
      <Word>of</Word>
      <EventInput value={condition.event} onChange={(event) => set({ event })} issue={field("event")} />
      <WindowEditor
        window={condition.window}
        onChange={(window) => set({ window })}
        issues={issuesUnder(issues, ["window"])}
      />
      <WithIssue issue={op}>
        <Select
          aria-label="Operator"
          value={condition.op}
          onChange={(e) => set({ op: e.currentTarget.value as AggregateCondition["op"] })}
          className="w-40"
          {...op.control}
        >
          {NUMERIC_OPS.map((o) => (
            <option key={o} value={o}>
              {OPERATOR_LABELS.number[o]}
            </option>
          ))}
        </Select>
      </WithIssue>
      {/* an emptied value stays undefined (the type wants a number) so that validation asks for one */}
      <NumberOperands
        op={condition.op}
        value={condition.value}
        to={condition.to}
        field={field}
        onChange={({ value, to }) => set({ value: value as number, to })}
      />
      <FiltersEditor
        filters={condition.filters}
        onChange={(filters) => set({ filters })}
        properties={properties}
        issues={issues}
      />
    </>
  );
}
