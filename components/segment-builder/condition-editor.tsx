"use client";

import { Badge } from "@/components/ui/badge";
import { describeCondition } from "@/lib/segments/describe";
import type { Condition } from "@/lib/segments/schema";
import { AggregateConditionFields } from "./aggregate-condition";
import { BehaviorConditionFields } from "./behavior-condition";
import { useBuilder } from "./builder-context";
import { ComputedConditionFields } from "./computed-condition";
import { ContextConditionFields } from "./context-condition";
import { IssueText } from "./field-issue";
import { issuePath, issuesUnder, messagesOutside, type Issue } from "./issues";
import { CONDITION_TYPE_LABELS, type ConditionType } from "./new-condition";
import { NodeActions } from "./node-actions";
import { SegmentConditionFields } from "./segment-condition";
import { TraitConditionFields } from "./trait-condition";
import { updateNode, type NodePath } from "./tree-ops";

/** Fields each type has a control for; issues at any other field are shown under the row. */
const SHOWN: Record<ConditionType, string[]> = {
  trait: ["key", "valueType", "op", "value", "values", "to", "date", "days"],
  behavior: ["event", "filters", "count", "window"],
  aggregate: ["event", "filters", "fn", "property", "op", "value", "to", "window"],
  computed: ["field", "op", "value", "to"],
  segment: ["segmentId"],
  context: ["field", "op", "value", "values", "to", "date", "days"],
};

/** One condition: its type, its controls in a wrapping row, and its move/duplicate/remove buttons. */
export function ConditionEditor({
  condition,
  path,
  index,
  siblings,
}: {
  condition: Condition;
  path: NodePath;
  index: number;
  siblings: number;
}) {
  const { apply, issues, segmentNames } = useBuilder();
  const own = issuesUnder(issues, issuePath(path));
  const onChange = (next: Condition) => apply((root) => updateNode(root, path, () => next));
  const label = CONDITION_TYPE_LABELS[condition.type];
  return (
    <div
      data-testid="condition"
      role="group"
      aria-label={`${label}: ${describeCondition(condition, segmentNames)}`}
      className="rounded-md border border-gray-200 bg-white px-2.5 py-2 shadow-xs"
    >
      <div className="flex items-start gap-2">
        <Badge tone="accent" className="mt-1.5">
          {label}
        </Badge>
        <div className="flex min-w-0 flex-1 flex-wrap items-start gap-2">
          <Fields condition={condition} onChange={onChange} issues={own} />
        </div>
        <NodeActions noun="condition" node={condition} path={path} index={index} siblings={siblings} />
      </div>
      <IssueText messages={messagesOutside(own, SHOWN[condition.type])} className="mt-1" />
    </div>
  );
}

function Fields({
  condition,
  onChange,
  issues,
}: {
  condition: Condition;
  onChange: (next: Condition) => void;
  issues: readonly Issue[];
}) {
  switch (condition.type) {
    case "trait":
      return <TraitConditionFields condition={condition} onChange={onChange} issues={issues} />;
    case "behavior":
      return <BehaviorConditionFields condition={condition} onChange={onChange} issues={issues} />;
    case "aggregate":
      return <AggregateConditionFields condition={condition} onChange={onChange} issues={issues} />;
    case "computed":
      return <ComputedConditionFields condition={condition} onChange={onChange} issues={issues} />;
    case "segment":
      return <SegmentConditionFields condition={condition} onChange={onChange} issues={issues} />;
    case "context":
      return <ContextConditionFields condition={condition} onChange={onChange} issues={issues} />;
  }
}
