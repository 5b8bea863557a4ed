"use client";

import { Select } from "@/components/ui/select";
import { WINDOW_KIND_LABELS } from "@/lib/segments/describe";
import type { EventWindow } from "@/lib/segments/schema";
import { IssueText, useFieldIssues, WithIssue } from "./field-issue";
import { messagesOutside, type Issue } from "./issues";
import { DateInput, NumberInput, Word } from "./value-inputs";

const KINDS = ["last_days", "between", "ever"] as const satisfies readonly EventWindow["kind"][];
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

function windowOf(kind: EventWindow["kind"]): EventWindow {
  if (kind === "last_days") return { kind, days: 30 };
  if (kind === "between") return { kind, from: isoDay(30), to: isoDay(0) };
  return { kind };
}

/**
 * When events count: in the last N days, between two dates, or ever.
 * `issues` are relative to the window. An emptied days input stays empty
 * (undefined, though the type wants a number) so that validation asks for a
 * number instead of a default silently taking its place.
 */
export function WindowEditor({
  window,
  onChange,
  issues,
}: {
  window: EventWindow;
  onChange: (window: EventWindow) => void;
  issues: readonly Issue[];
}) {
  const field = useFieldIssues(issues);
  const whole = field();
  const own = messagesOutside(issues, ["days", "from", "to"]);
  const describedBy = own.length > 0 ? whole.id : undefined;
  return (
    <>
      <div className="flex flex-col gap-1">
        <Select
          aria-label="Window"
          value={window.kind}
          onChange={(e) => onChange(windowOf(e.currentTarget.value as EventWindow["kind"]))}
          className="w-32"
          aria-invalid={own.length > 0 || undefined}
          aria-describedby={describedBy}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {WINDOW_KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
        <IssueText id={whole.id} messages={own} className="max-w-56" />
      </div>
      {window.kind === "last_days" && (
        <LastDays
          days={window.days}
          onChange={(days) => onChange({ kind: "last_days", days: days as number })}
          field={field}
        />
      )}
      {window.kind === "between" && (
        <>
          <DateField
            label="From"
            value={window.from}
            onChange={(from) => onChange({ ...window, from })}
            issue={field("from")}
          />
          <Word>and</Word>
          <DateField label="To" value={window.to} onChange={(to) => onChange({ ...window, to })} issue={field("to")} />
        </>
      )}
    </>
  );
}

function LastDays({
  days,
  onChange,
  field,
}: {
  days: number | undefined;
  onChange: (days: number | undefined) => void;
  field: ReturnType<typeof useFieldIssues>;
}) {
  const issue = field("days");
  return (
    <>
      <WithIssue issue={issue}>
        <NumberInput
          aria-label="Days"
          min={1}
          step={1}
          value={days}
          onChange={onChange}
          className="w-20"
          {...issue.control}
        />
      </WithIssue>
      <Word>{days === 1 ? "day" : "days"}</Word>
    </>
  );
}

function DateField({
  label,
  value,
  onChange,
  issue,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  issue: ReturnType<ReturnType<typeof useFieldIssues>>;
}) {
  return (
    <WithIssue issue={issue}>
      <DateInput aria-label={label} value={value} onChange={onChange} {...issue.control} />
    </WithIssue>
  );
}
