"use client";

import { Select } from "@/components/ui/select";
import type { Condition, SegmentCondition } from "@/lib/segments/schema";
import { useBuilder } from "./builder-context";
import { useFieldIssues, WithIssue } from "./field-issue";
import type { Issue } from "./issues";
import { Word } from "./value-inputs";

/** Membership of another segment of the workspace: "is in" / "is not in" and which one. */
export function SegmentConditionFields({
  condition,
  onChange,
  issues,
}: {
  condition: SegmentCondition;
  onChange: (next: Condition) => void;
  issues: readonly Issue[];
}) {
  const { segments } = useBuilder();
  const field = useFieldIssues(issues);
  const segment = field("segmentId");
  const unknown = condition.segmentId !== "" && !segments.some((s) => s.id === condition.segmentId);
  return (
    <>
      <Select
        aria-label="Membership"
        value={condition.op}
        onChange={(e) => onChange({ ...condition, op: e.currentTarget.value as SegmentCondition["op"] })}
        className="w-32"
      >
        <option value="in">is in</option>
        <option value="not_in">is not in</option>
      </Select>
      <WithIssue issue={segment}>
        <Select
          aria-label="Segment"
          value={condition.segmentId}
          onChange={(e) => onChange({ ...condition, segmentId: e.currentTarget.value })}
          className="w-56"
          {...segment.control}
        >
          <option value="">Choose a segment</option>
          {unknown && <option value={condition.segmentId}>Unknown segment (deleted?)</option>}
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </WithIssue>
      {segments.length === 0 && <Word>No other segments yet.</Word>}
    </>
  );
}
