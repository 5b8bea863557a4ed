import type { NodePath } from "./tree-ops";

/** A validation message at a path of the rule, as `checkRule` and zod give them. */
export type Issue = { path: readonly (string | number)[]; message: string };

/** The rule path of a node: [0, 1] → ["children", 0, "children", 1]. */
export const issuePath = (path: NodePath): (string | number)[] => path.flatMap((i) => ["children", i]);

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) =>
  prefix.every((part, i) => path[i] === part);

/** The issues at or below `prefix`, with their paths made relative to it. */
export function issuesUnder(issues: readonly Issue[], prefix: readonly (string | number)[]): Issue[] {
  return issues
    .filter((i) => i.path.length >= prefix.length && startsWith(i.path, prefix))
    .map((i) => ({ ...i, path: i.path.slice(prefix.length) }));
}

/** Messages of the issues at or below `field` (relative paths); a control shows those of its field. */
export const messagesAt = (issues: readonly Issue[], field: readonly (string | number)[]): string[] =>
  issuesUnder(issues, field).map((i) => i.message);

/** Messages exactly at the node itself (relative path []), or at a field no control shows. */
export const messagesOutside = (issues: readonly Issue[], shown: readonly string[]): string[] =>
  issues.filter((i) => i.path.length === 0 || !shown.includes(String(i.path[0]))).map((i) => i.message);
