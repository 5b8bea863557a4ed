"use client";

import type { Condition, TraitCondition } from "@/lib/segments/schema";
import { useBuilder } from "./builder-context";
import { ComparisonEditor } from "./comparison-editor";
import { defaultComparison } from "./comparison";
import { useFieldIssues, WithIssue } from "./field-issue";
import type { Issue } from "./issues";
import { SuggestInput } from "./value-inputs";

/** Trait key (known keys offered, any allowed) and its comparison. */
export function TraitConditionFields({
  condition,
  onChange,
  issues,
}: {
  condition: TraitCondition;
  onChange: (next: Condition) => void;
  issues: readonly Issue[];
}) {
  const { catalog } = useBuilder();
  const field = useFieldIssues(issues);
  const key = field("key");
  const known = catalog.traits.find((t) => t.key === condition.key);
  const setKey = (next: string) => {
    const match = catalog.traits.find((t) => t.key === next);
    // a known key brings its type; a typed-in one keeps the comparison so far
    const comparison = match && match.type !== condition.valueType ? defaultComparison(match.type) : condition;
    onChange({ ...comparison, type: "trait", id: condition.id, key: next });
  };
  return (
    <>
      <WithIssue issue={key}>
        <SuggestInput
          aria-label="Trait"
          placeholder="trait key"
          value={condition.key}
          suggestions={catalog.traits.map((t) => t.key)}
          onChange={(v) => setKey(v ?? "")}
          {...key.control}
        />
      </WithIssue>
      <ComparisonEditor
        comparison={condition}
        showType
        examples={known?.examples ?? []}
        issues={issues}
        onChange={(c) => onChange({ ...c, type: "trait", id: condition.id, key: condition.key })}
      />
    </>
  );
}
