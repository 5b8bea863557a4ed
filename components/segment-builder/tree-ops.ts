import type { RuleGroup, RuleNode } from "@/lib/segments/schema";
import { newId } from "./new-condition";

/**
 * Pure, immutable operations on the rule tree. A node is addressed by the
 * indices of its ancestors' children from the root: [] is the root, [1, 0]
 * the first child of the root's second child. An operation on a path that
 * does not exist (or that needs a group where there is a condition) returns
 * the tree unchanged, so a stale click can never corrupt a rule.
 */
export type NodePath = readonly number[];

/** The node at a path, or undefined. */
export function getNode(root: RuleGroup, path: NodePath): RuleNode | undefined {
  let node: RuleNode | undefined = root;
  for (const i of path) node = node?.type === "group" ? node.children[i] : undefined;
  return node;
}

/** Replaces the node at a path by `fn(node)`; the root can only become another group. */
export function updateNode(root: RuleGroup, path: NodePath, fn: (node: RuleNode) => RuleNode): RuleGroup {
  if (path.length === 0) {
    const next = fn(root);
    return next.type === "group" ? next : root;
  }
  const [head, ...rest] = path;
  const child = root.children[head!];
  if (!child || (rest.length > 0 && child.type !== "group")) return root;
  const next = rest.length > 0 ? updateNode(child as RuleGroup, rest, fn) : fn(child);
  if (next === child) return root;
  return { ...root, children: root.children.map((c, i) => (i === head ? next : c)) };
}

/** Changes the children of the group at `groupPath`. */
function updateChildren(root: RuleGroup, groupPath: NodePath, fn: (children: RuleNode[]) => RuleNode[]): RuleGroup {
  return updateNode(root, groupPath, (node) =>
    node.type === "group" ? { ...node, children: fn(node.children) } : node,
  );
}

const parentOf = (path: NodePath) => ({ parent: path.slice(0, -1), index: path[path.length - 1] });

/** Appends a condition or group to the group at `groupPath`. */
export function addNode(root: RuleGroup, groupPath: NodePath, node: RuleNode): RuleGroup {
  return updateChildren(root, groupPath, (children) => [...children, node]);
}

/** Removes the node at a path (never the root). */
export function removeNode(root: RuleGroup, path: NodePath): RuleGroup {
  const { parent, index } = parentOf(path);
  if (index === undefined || !getNode(root, path)) return root;
  return updateChildren(root, parent, (children) => children.filter((_, i) => i !== index));
}

/** A deep copy of a node in which it and every node inside it has a fresh id. */
export function withFreshIds(node: RuleNode, makeId: () => string = newId): RuleNode {
  if (node.type === "group")
    return { ...node, id: makeId(), children: node.children.map((child) => withFreshIds(child, makeId)) };
  return { ...structuredClone(node), id: makeId() };
}

/** Inserts a copy of the node (fresh ids) right after it. */
export function duplicateNode(root: RuleGroup, path: NodePath, makeId: () => string = newId): RuleGroup {
  const { parent, index } = parentOf(path);
  const node = getNode(root, path);
  if (index === undefined || !node) return root;
  const copy = withFreshIds(node, makeId);
  return updateChildren(root, parent, (children) => [
    ...children.slice(0, index + 1),
    copy,
    ...children.slice(index + 1),
  ]);
}

/** Swaps the node with its previous (-1) or next (+1) sibling; unchanged at either end. */
export function moveNode(root: RuleGroup, path: NodePath, delta: -1 | 1): RuleGroup {
  const { parent, index } = parentOf(path);
  if (index === undefined) return root;
  return updateChildren(root, parent, (children) => {
    const target = index + delta;
    if (!children[index] || target < 0 || target >= children.length) return children;
    const next = [...children];
    [next[index], next[target]] = [next[target]!, next[index]!];
    return next;
  });
}

const updateGroup = (root: RuleGroup, path: NodePath, fn: (group: RuleGroup) => RuleGroup) =>
  updateNode(root, path, (node) => (node.type === "group" ? fn(node) : node));

/** Sets how a group joins its children: all of them (and) or any of them (or). */
export const setCombinator = (root: RuleGroup, groupPath: NodePath, combinator: "and" | "or"): RuleGroup =>
  updateGroup(root, groupPath, (g) => ({ ...g, combinator }));

/** Flips a group between and/or. */
export const toggleCombinator = (root: RuleGroup, groupPath: NodePath): RuleGroup =>
  updateGroup(root, groupPath, (g) => ({ ...g, combinator: g.combinator === "and" ? "or" : "and" }));

/** Negates a group or lifts its negation; a group that is not negated carries no `not` key. */
export const toggleNot = (root: RuleGroup, groupPath: NodePath): RuleGroup =>
  updateGroup(root, groupPath, ({ not, ...group }) => (not ? group : { ...group, not: true }));

/** How many conditions a node holds (a condition is one). */
export function countConditions(node: RuleNode): number {
  return node.type === "group" ? node.children.reduce((sum, child) => sum + countConditions(child), 0) : 1;
}
