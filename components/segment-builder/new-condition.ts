import type { Condition, RuleGroup } from "@/lib/segments/schema";

export type ConditionType = Condition["type"];

export const CONDITION_TYPES = [
  "trait",
  "behavior",
  "aggregate",
  "computed",
  "segment",
  "context",
] as const satisfies readonly ConditionType[];

export const CONDITION_TYPE_LABELS: Record<ConditionType, string> = {
  trait: "Trait",
  behavior: "Behavior",
  aggregate: "Aggregate",
  computed: "Computed value",
  segment: "Segment membership",
  context: "Visit context",
};

let fallbackCounter = 0;

/**
 * A short id for a new node. `crypto.randomUUID` exists only in secure
 * contexts (https, localhost); elsewhere a counter and a random part do.
 */
export function newId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  if (uuid) return uuid.slice(0, 8);
  fallbackCounter += 1;
  return `n${fallbackCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const newGroup = (combinator: "and" | "or" = "and"): RuleGroup => ({
  type: "group",
  id: newId(),
  combinator,
  children: [],
});

/** A new condition of a type with sensible defaults; fields the marketer must choose start empty. */
export function newCondition(type: ConditionType): Condition {
  const id = newId();
  switch (type) {
    case "trait":
      return { type, id, key: "", valueType: "string", op: "equals" };
    case "behavior":
      return {
        type,
        id,
        event: "",
        filters: [],
        count: { op: "at_least", value: 1 },
        window: { kind: "last_days", days: 30 },
      };
    case "aggregate":
      return {
        type,
        id,
        event: "",
        filters: [],
        fn: "sum",
        property: "",
        op: "gt",
        value: 0,
        window: { kind: "last_days", days: 30 },
      };
    case "computed":
      return { type, id, field: "orders", op: "gte" };
    case "segment":
      return { type, id, segmentId: "", op: "in" };
    case "context":
      return { type, id, field: "path", valueType: "string", op: "starts_with" };
  }
}
