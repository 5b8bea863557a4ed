"use client";

import { useBuilder } from "./builder-context";
import type { FieldIssue } from "./field-issue";
import { WithIssue } from "./field-issue";
import { SuggestInput } from "./value-inputs";

/** An event name: the catalog's events offered, any name allowed. */
export function EventInput({
  value,
  onChange,
  issue,
}: {
  value: string;
  onChange: (event: string) => void;
  issue: FieldIssue;
}) {
  const { catalog } = useBuilder();
  return (
    <WithIssue issue={issue}>
      <SuggestInput
        aria-label="Event"
        placeholder="event name"
        value={value}
        suggestions={catalog.events.map((e) => e.name)}
        onChange={(v) => onChange(v ?? "")}
        className="w-48"
        {...issue.control}
      />
    </WithIssue>
  );
}
