"use client";

import { Select } from "@/components/ui/select";
import { COUNT_OP_LABELS } from "@/lib/segments/describe";
import { COUNT_OPS, type BehaviorCondition, type Condition } from "@/lib/segments/schema";
import { useBuilder } from "./builder-context";
import { EventInput } from "./event-input";
import { useFieldIssues, WithIssue } from "./field-issue";
import { FiltersEditor } from "./filters-editor";
import { issuesUnder, type Issue } from "./issues";
import { NumberInput, Word } from "./value-inputs";
import { WindowEditor } from "./window-editor";

/** "did [event] [at least] [3] times [in the last] [7] days", then property filters. */
export function BehaviorConditionFields({
  condition,
  onChange,
  issues,
}: {
  condition: BehaviorCondition;
  onChange: (next: Condition) => void;
  issues: readonly Issue[];
}) {
  const { catalog } = useBuilder();
  const field = useFieldIssues(issues);
  const count = field("count");
  const set = (patch: Partial<BehaviorCondition>) => onChange({ ...condition, ...patch });
  const properties = catalog.events.find((e) => e.name === condition.event)?.properties ?? [];
  return (
    <>
      <Word>did</Word>
      <EventInput value={condition.event} onChange={(event) => set({ event })} issue={field("event")} />
      <Select
        aria-label="How often"
        value={condition.count.op}
        onChange={(e) =>
          set({ count: { ...condition.count, op: e.currentTarget.value as BehaviorCondition["count"]["op"] } })
        }
        className="w-28"
      >
        {COUNT_OPS.map((op) => (
          <option key={op} value={op}>
            {COUNT_OP_LABELS[op]}
          </option>
        ))}
      </Select>
      {condition.count.op !== "never" && (
        <>
          <WithIssue issue={count}>
            {/* an emptied count stays undefined (the type wants a number) so that validation asks for one */}
            <NumberInput
              aria-label="Times"
              min={0}
              step={1}
              value={condition.count.value}
              onChange={(value) => set({ count: { ...condition.count, value: value as number } })}
              className="w-20"
              {...count.control}
            />
          </WithIssue>
          <Word>{condition.count.value === 1 ? "time" : "times"}</Word>
        </>
      )}
      <WindowEditor
        window={condition.window}
        onChange={(window) => set({ window })}
        issues={issuesUnder(issues, ["window"])}
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
