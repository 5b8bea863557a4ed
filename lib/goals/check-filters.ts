import { checkRule, type PropertyFilter } from "@/lib/segments/schema";

/**
 * The operands a goal's filters still need ("Enter a number" for `total is
 * at least` without a value), as field errors keyed `filters.<i>.<field>`.
 * The segment rule's operand check decides, so that a filter means the same
 * in a goal as in a segment's behavior condition; `goalFiltersSchema` only
 * checks the shape.
 */
export function goalFilterErrors(filters: readonly PropertyFilter[]): Record<string, string[]> {
  const issues = checkRule({
    type: "group",
    id: "goal",
    combinator: "and",
    children: [
      {
        type: "behavior",
        id: "goal",
        event: "goal",
        filters: [...filters],
        count: { op: "at_least", value: 1 },
        window: { kind: "ever" },
      },
    ],
  });
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    // ["children", 0, "filters", i, field] → "filters.i.field"
    (errors[issue.path.slice(2).join(".")] ??= []).push(issue.message);
  }
  return errors;
}
