"use client";

import { Button } from "@/components/ui/button";
import { PlusIcon, XIcon } from "@/components/ui/icons";
import type { PropertyFilter } from "@/lib/segments/schema";
import type { SegmentCatalog } from "./catalog";
import { ComparisonEditor } from "./comparison-editor";
import { defaultComparison } from "./comparison";
import { IssueText, useFieldIssues, WithIssue } from "./field-issue";
import { issuesUnder, type Issue } from "./issues";
import { SuggestInput, Word } from "./value-inputs";

type EventProperty = SegmentCatalog["events"][number]["properties"][number];

/** The schema's limit of property filters per condition. */
const MAX_FILTERS = 10;

/** Property filters of a behavior or aggregate condition; `issues` are relative to the condition. */
export function FiltersEditor({
  filters,
  onChange,
  properties,
  issues,
}: {
  filters: PropertyFilter[];
  onChange: (filters: PropertyFilter[]) => void;
  properties: readonly EventProperty[];
  issues: readonly Issue[];
}) {
  const listIssues = issuesUnder(issues, ["filters"]).filter((i) => i.path.length === 0);
  const replace = (index: number, filter: PropertyFilter) =>
    onChange(filters.map((f, i) => (i === index ? filter : f)));
  return (
    <div className="flex basis-full flex-col gap-2 border-l-2 border-gray-100 pl-3">
      {filters.map((filter, i) => (
        <FilterRow
          key={i}
          index={i}
          filter={filter}
          properties={properties}
          issues={issuesUnder(issues, ["filters", i])}
          onChange={(next) => replace(i, next)}
          onRemove={() => onChange(filters.filter((_, j) => j !== i))}
        />
      ))}
      <div>
        <Button
          variant="ghost"
          size="sm"
          disabled={filters.length >= MAX_FILTERS}
          onClick={() => onChange([...filters, { property: "", ...defaultComparison("string") }])}
        >
          <PlusIcon size={14} />
          Add filter
        </Button>
        <IssueText messages={listIssues.map((i) => i.message)} />
      </div>
    </div>
  );
}

function FilterRow({
  index,
  filter,
  properties,
  issues,
  onChange,
  onRemove,
}: {
  index: number;
  filter: PropertyFilter;
  properties: readonly EventProperty[];
  issues: readonly Issue[];
  onChange: (filter: PropertyFilter) => void;
  onRemove: () => void;
}) {
  const field = useFieldIssues(issues);
  const property = field("property");
  const prefix = `Filter ${index + 1}`;
  const known = properties.find((p) => p.key === filter.property);
  const setProperty = (key: string) => {
    const match = properties.find((p) => p.key === key);
    // choosing a known property takes its type; a typed-in one keeps the current comparison
    const comparison = match && match.type !== filter.valueType ? defaultComparison(match.type) : filter;
    onChange({ ...comparison, property: key });
  };
  return (
    <div className="flex flex-wrap items-start gap-2">
      <Word>{index === 0 ? "where" : "and"}</Word>
      <WithIssue issue={property}>
        <SuggestInput
          aria-label={`${prefix} property`}
          placeholder="property"
          value={filter.property}
          suggestions={properties.map((p) => p.key)}
          onChange={(key) => setProperty(key ?? "")}
          {...property.control}
        />
      </WithIssue>
      <ComparisonEditor
        comparison={filter}
        showType
        prefix={prefix}
        examples={known?.examples ?? []}
        issues={issues}
        onChange={(c) => onChange({ ...c, property: filter.property })}
      />
      <Button
        variant="ghost"
        size="sm"
        aria-label={`Remove filter ${index + 1}`}
        title="Remove filter"
        onClick={onRemove}
        className="mt-0.5"
      >
        <XIcon size={14} />
      </Button>
      <IssueText messages={issues.filter((i) => i.path.length === 0).map((i) => i.message)} className="basis-full" />
    </div>
  );
}
