/** Where a rule needs attention: the zod-style path of the node or field, and why. */
export type RuleIssue = { path: (string | number)[]; message: string };

/**
 * Conditions in one rule, every nested group included. Each behavior or
 * aggregate condition is a subquery over events in the SQL that counts a
 * segment, so a rule's cost grows with their number (60 distinct counts took
 * 4.8 s on 5,000 profiles); real rules hold a handful, templates at most 4.
 */
export const MAX_CONDITIONS = 50;
/** Groups in one rule besides the outermost (an empty group costs little, but a payload of thousands would). */
export const MAX_GROUPS = 50;
/** Levels of groups, the outermost included. Also keeps the recursive parser and interpreters far from their stack's end. */
export const MAX_DEPTH = 5;
/** Too-deep groups reported by name; past these the first ones say enough. */
const MAX_DEPTH_ISSUES = 10;

export const tooManyConditions = (n: number) =>
  `A rule holds at most ${MAX_CONDITIONS} conditions (this one has ${n}): split it into segments and combine them`;
export const tooManyGroups = (n: number) =>
  `A rule holds at most ${MAX_GROUPS} groups (this one has ${n}): remove empty ones or split it into segments`;
export const TOO_DEEP = `Groups nest at most ${MAX_DEPTH} levels deep, the outermost included: make this group a segment of its own and add it here as a segment membership`;

const isGroup = (node: unknown): node is { type: "group"; children?: unknown } =>
  typeof node === "object" && node !== null && (node as { type?: unknown }).type === "group";

/**
 * The size limits of a rule, checked on the raw input before it is parsed
 * (the parser recurses: a few thousand nested groups would exhaust its
 * stack), without recursion. Anything in a group's children that is not a
 * group counts as a condition; the shape of each node is the schema's to
 * check. Pure.
 */
export function ruleSizeIssues(raw: unknown): RuleIssue[] {
  if (!isGroup(raw)) return [];
  const issues: RuleIssue[] = [];
  let conditions = 0;
  let groups = 0;
  let deep = 0;
  const stack: { node: unknown; path: (string | number)[]; depth: number }[] = [{ node: raw, path: [], depth: 1 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (!isGroup(node)) {
      conditions += 1;
      continue;
    }
    if (depth > 1) groups += 1;
    if (depth > MAX_DEPTH) {
      // what lies below a group that is too deep is not looked at: the group itself must move
      if (deep++ < MAX_DEPTH_ISSUES) issues.push({ path, message: TOO_DEEP });
      continue;
    }
    const children = Array.isArray(node.children) ? (node.children as unknown[]) : [];
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i], path: [...path, "children", i], depth: depth + 1 });
  }
  const size: RuleIssue[] = [];
  if (conditions > MAX_CONDITIONS) size.push({ path: [], message: tooManyConditions(conditions) });
  if (groups > MAX_GROUPS) size.push({ path: [], message: tooManyGroups(groups) });
  return [...size, ...issues];
}
