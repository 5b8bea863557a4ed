"use client";

import { Fragment, useId } from "react";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/select";
import { describeRule } from "@/lib/segments/describe";
import type { RuleGroup } from "@/lib/segments/schema";
import { AddMenu } from "./add-menu";
import { useBuilder } from "./builder-context";
import { ConditionEditor } from "./condition-editor";
import { IssueText } from "./field-issue";
import { issuePath, issuesUnder, messagesOutside } from "./issues";
import { NodeActions } from "./node-actions";
import { setCombinator, toggleNot, type NodePath } from "./tree-ops";

/** "All of", "Any of", and negated "Not all of", "None of": what the group asks, in words. */
export function groupHeading(group: Pick<RuleGroup, "combinator" | "not">): string {
  if (group.not) return group.combinator === "and" ? "Not all of" : "None of";
  return group.combinator === "and" ? "All of" : "Any of";
}

/** A group: its match mode and negation, its children (conditions and nested groups) and the add buttons. */
export function GroupEditor({
  group,
  path,
  index,
  siblings,
}: {
  group: RuleGroup;
  path: NodePath;
  index: number;
  siblings: number;
}) {
  const { apply, issues } = useBuilder();
  const headingId = useId();
  const issueId = useId();
  const own = messagesOutside(issuesUnder(issues, issuePath(path)), ["children"]);
  const nested = path.length > 0;
  // ids should be unique, but a rule from elsewhere may repeat one: keys must not
  const seen = new Set<string>();
  const keyOf = (id: string, i: number) => (seen.has(id) ? `${id}#${i}` : (seen.add(id), id));
  return (
    <div
      data-testid="group"
      role="group"
      aria-labelledby={headingId}
      aria-describedby={own.length > 0 ? issueId : undefined}
      tabIndex={-1}
      className={cn(
        "space-y-2 rounded-lg border p-3 focus:outline-hidden focus-visible:ring-2 focus-visible:ring-accent-500/30",
        path.length % 2 === 0 ? "bg-gray-50/70" : "bg-white",
        group.not ? "border-amber-300" : "border-gray-200",
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span id={headingId} className="text-sm font-semibold text-gray-900">
          {groupHeading(group)}
        </span>
        <span className="text-xs text-gray-500">{nested ? "these" : "the following"}</span>
        <div className="ml-auto flex items-center gap-2">
          <Select
            aria-label="Match"
            value={group.combinator}
            onChange={(e) => apply((root) => setCombinator(root, path, e.currentTarget.value as "and" | "or"))}
            className="w-20"
          >
            <option value="and">all</option>
            <option value="or">any</option>
          </Select>
          <button
            type="button"
            aria-pressed={Boolean(group.not)}
            title="Not: match the profiles this group does not match"
            onClick={() => apply((root) => toggleNot(root, path))}
            className={cn(
              "h-8 rounded-md border px-2.5 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:opacity-50",
              group.not
                ? "border-amber-300 bg-amber-50 text-amber-800"
                : "border-gray-300 bg-white text-gray-700 hover:bg-gray-50",
            )}
          >
            Not
          </button>
          {nested && <NodeActions noun="group" node={group} path={path} index={index} siblings={siblings} />}
        </div>
      </div>
      <IssueText id={issueId} messages={own} />
      {group.children.length === 0 ? (
        <p className="text-sm text-gray-500">No conditions yet: this group matches {describeRule(group, new Map())}.</p>
      ) : (
        <div data-children className={cn("space-y-1.5", nested && "border-l-2 border-gray-200 pl-3")}>
          {group.children.map((child, i) => (
            <Fragment key={keyOf(child.id, i)}>
              {i > 0 && (
                <div
                  aria-hidden="true"
                  className="pl-1 text-[11px] font-semibold tracking-wide text-gray-400 uppercase"
                >
                  {group.combinator}
                </div>
              )}
              {child.type === "group" ? (
                <GroupEditor group={child} path={[...path, i]} index={i} siblings={group.children.length} />
              ) : (
                <ConditionEditor condition={child} path={[...path, i]} index={i} siblings={group.children.length} />
              )}
            </Fragment>
          ))}
        </div>
      )}
      <AddMenu path={path} />
    </div>
  );
}
