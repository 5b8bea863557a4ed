import { describeCondition, describeRule } from "./describe";
import { compileRule, computedValue, contextValue, type Evaluation } from "./evaluate";
import { countMatching, measureAggregate } from "./measure";
import type { Condition, RuleGroup, RuleNode } from "./schema";
import type { SegmentRef } from "./state";

/** Why a rule did or did not match one profile: the conditions that failed, each with what was found. */
export type RuleExplanation = { matched: boolean; failures: string[] };

const shown = (value: unknown) =>
  value === undefined || value === null || value === ""
    ? "not set"
    : typeof value === "string"
      ? `"${value}"`
      : String(value);
const times = (n: number) => `${n} ${n === 1 ? "time" : "times"}`;

/** What a condition found for this profile, in words ("1 time", "\"FR\"", "not a member"). */
function observed(node: Condition, ev: Evaluation, segments: ReadonlyMap<string, SegmentRef>): string {
  switch (node.type) {
    case "trait":
      return shown(ev.state.traits[node.key]);
    case "behavior":
      return times(countMatching(node, ev.events, ev.now));
    case "aggregate": {
      const m = measureAggregate(node, ev.events, ev.now);
      return m.present ? String(Math.round((m.value ?? 0) * 100) / 100) : "no value to aggregate";
    }
    case "computed":
      return shown(computedValue(node.field, ev.state, ev.now));
    case "segment": {
      const member = compileRule(
        { type: "group", id: "m", combinator: "and", children: [{ ...node, op: "in" }] },
        segments,
      )(ev);
      return member ? "a member" : "not a member";
    }
    case "context":
      return ev.context ? shown(contextValue(ev.context, node.field)) : "no visit";
  }
}

/**
 * Explains a rule for one profile: whether it matched and, when it did not,
 * which conditions failed ("did \"Product Viewed\" … at least 3 times in the
 * last 7 days — found 1 time"). Used by the content editor's "why".
 */
export function explainRule(
  rule: RuleGroup,
  ev: Evaluation,
  segments: ReadonlyMap<string, SegmentRef & { name?: string }>,
): RuleExplanation {
  const names = new Map([...segments].map(([id, s]) => [id, s.name ?? id]));
  const failures: string[] = [];
  const visit = (node: RuleNode): boolean => {
    const matched = compileRule(
      node.type === "group" ? node : { type: "group", id: "x", combinator: "and", children: [node] },
      segments,
    )(ev);
    if (matched) return true;
    if (node.type !== "group") {
      failures.push(`${describeCondition(node, names)} — found ${observed(node, ev, segments)}`);
      return false;
    }
    if (node.not) failures.push(`${describeRule(node, names)} — the group inside matched`);
    else node.children.forEach(visit);
    return false;
  };
  const matched = visit(rule);
  return { matched, failures: matched ? [] : failures };
}
