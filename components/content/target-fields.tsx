"use client";

import Link from "next/link";
import { useMemo } from "react";
import { SegmentBuilder, type SegmentCatalog } from "@/components/segment-builder/segment-builder";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { RuleGroup } from "@/lib/segments/schema";
import { fieldMessages } from "./field-messages";
import { ruleIssuesOf } from "@/lib/segments/issue-paths";

/** Both targets are kept while the marketer switches between them; `kind` says which one is saved. */
export type TargetState = { kind: "segment" | "rule"; segmentId: string; rule: RuleGroup };

type Props = {
  value: TargetState;
  onChange: (target: TargetState) => void;
  catalog: SegmentCatalog;
  segments: { id: string; name: string }[];
  workspaceSlug: string;
  errors: Record<string, string[]>;
};

const radio = "size-4 border-gray-300 text-accent-600 focus-visible:outline-2 focus-visible:outline-accent-600";

/** Who sees the experience: the members of a saved segment, or visitors matching a rule written here. */
export function TargetFields({ value, onChange, catalog, segments, workspaceSlug, errors }: Props) {
  const issues = useMemo(() => ruleIssuesOf(errors), [errors]);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-gray-900">Target</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="target-kind"
            className={radio}
            checked={value.kind === "segment"}
            onChange={() => onChange({ ...value, kind: "segment" })}
          />
          A saved segment
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="target-kind"
            className={radio}
            checked={value.kind === "rule"}
            onChange={() => onChange({ ...value, kind: "rule" })}
          />
          A rule
        </label>
      </div>
      {value.kind === "segment" ? (
        <Field
          label="Segment"
          hint={
            <>
              Not there yet?{" "}
              <Link className="text-indigo-600 hover:underline" href={`/w/${workspaceSlug}/segments/new`}>
                Create a segment
              </Link>
            </>
          }
          error={fieldMessages(errors["target.segmentId"])}
        >
          <Select value={value.segmentId} onChange={(e) => onChange({ ...value, segmentId: e.target.value })}>
            <option value="">Choose a segment…</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <SegmentBuilder
          value={value.rule}
          onChange={(rule) => onChange({ ...value, rule })}
          catalog={catalog}
          segments={segments}
          issues={issues}
        />
      )}
    </fieldset>
  );
}
