"use client";

import { useMemo } from "react";
import type { RuleGroup } from "@/lib/segments/schema";
import { BuilderContext, type BuilderContextValue } from "./builder-context";
import type { SegmentCatalog } from "./catalog";
import { GroupEditor } from "./group-editor";
import { countConditions } from "./tree-ops";

export type { SegmentCatalog } from "./catalog";

export type SegmentBuilderProps = {
  value: RuleGroup;
  onChange: (rule: RuleGroup) => void;
  catalog: SegmentCatalog;
  /** Other segments of the workspace, for membership conditions (not the one being edited). */
  segments: { id: string; name: string }[];
  /** From checkRule or server validation; each message is shown next to the control at its path. */
  issues?: { path: (string | number)[]; message: string }[];
  disabled?: boolean;
};

const NO_ISSUES: NonNullable<SegmentBuilderProps["issues"]> = [];
const ROOT: readonly number[] = [];

/**
 * The visual editor of a segment rule: nested all/any groups (each can be
 * negated) of trait, behavior, aggregate, computed, membership and visit
 * conditions. Controlled: every edit calls `onChange` with a new tree.
 */
export function SegmentBuilder({
  value,
  onChange,
  catalog,
  segments,
  issues = NO_ISSUES,
  disabled = false,
}: SegmentBuilderProps) {
  const context = useMemo<BuilderContextValue>(
    () => ({
      catalog,
      segments,
      issues,
      segmentNames: new Map(segments.map((s) => [s.id, s.name])),
      conditionCount: countConditions(value),
      apply: (operation) => onChange(operation(value)),
    }),
    [catalog, segments, issues, value, onChange],
  );
  return (
    <BuilderContext value={context}>
      {/* a disabled fieldset disables every control and button inside it, menus included */}
      <fieldset disabled={disabled} className="m-0 min-w-0 border-0 p-0">
        <legend className="sr-only">Segment rule</legend>
        <GroupEditor group={value} path={ROOT} index={0} siblings={1} />
      </fieldset>
    </BuilderContext>
  );
}
