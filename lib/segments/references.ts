import type { RuleNode } from "./schema";
import type { SegmentRef } from "./state";

/** The ids of the segments a rule refers to (membership conditions), at any depth. */
export function referencedSegments(node: RuleNode): string[] {
  if (node.type === "segment") return [node.segmentId];
  if (node.type !== "group") return [];
  return [...new Set(node.children.flatMap(referencedSegments))];
}

/** Each membership condition of a rule with its path in the tree (for messages next to the right control). */
export function segmentConditions(
  node: RuleNode,
  path: (string | number)[] = [],
): { segmentId: string; path: (string | number)[] }[] {
  if (node.type === "segment") return [{ segmentId: node.segmentId, path }];
  if (node.type !== "group") return [];
  return node.children.flatMap((child, i) => segmentConditions(child, [...path, "children", i]));
}

/**
 * The chain of segments that would lead back to `segmentId` if it had this
 * rule (["a", "b", "a"]), or null when there is no cycle.
 */
export function findCycle(
  segmentId: string,
  rule: RuleNode,
  segments: ReadonlyMap<string, SegmentRef>,
): string[] | null {
  const visit = (id: string, path: string[]): string[] | null => {
    if (id === segmentId) return [...path, id];
    if (path.includes(id)) return null; // a cycle elsewhere is refused where it was made
    const target = segments.get(id);
    if (!target || target.kind === "static") return null;
    for (const next of referencedSegments(target.rule)) {
      const found = visit(next, [...path, id]);
      if (found) return found;
    }
    return null;
  };
  for (const id of referencedSegments(rule)) {
    const found = visit(id, [segmentId]);
    if (found) return found;
  }
  return null;
}

/** Whether a rule reads the clock (windows, "days since", date operators): such segments are recomputed on a schedule. */
export function dependsOnTime(node: RuleNode, segments: ReadonlyMap<string, SegmentRef>, seen: string[] = []): boolean {
  switch (node.type) {
    case "group":
      return node.children.some((c) => dependsOnTime(c, segments, seen));
    case "behavior":
    case "aggregate":
      return node.window.kind === "last_days";
    case "computed":
      return node.field.startsWith("days_since");
    case "trait":
      return node.valueType === "date" && (node.op === "within_last_days" || node.op === "more_than_days_ago");
    case "segment": {
      const target = segments.get(node.segmentId);
      return (
        !!target &&
        target.kind === "dynamic" &&
        !seen.includes(node.segmentId) &&
        dependsOnTime(target.rule, segments, [...seen, node.segmentId])
      );
    }
    case "context":
      return false;
  }
}
