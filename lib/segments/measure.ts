import { matchComparison } from "./compare";
import type { AggregateCondition, BehaviorCondition } from "./schema";
import type { SegmentEvent } from "./state";
import { addDecimals, compareDecimals, multiplyDecimal, toDecimal } from "./values";
import { inBounds, windowBounds } from "./window";

/** The events a behavior or aggregate condition looks at: its event name, in its window, passing its property filters. */
export function matchingEvents(node: BehaviorCondition | AggregateCondition, events: readonly SegmentEvent[], now: number): SegmentEvent[] {
  const bounds = windowBounds(node.window, now);
  return events.filter((e) => e.name === node.event && inBounds(bounds, e.occurredAt) && node.filters.every((f) => matchComparison(f, e.properties[f.property], now)));
}

/**
 * An aggregate of the matching events' property: whether it exists (avg,
 * min and max of no number do not; sum and distinct count are then 0), how
 * it orders against an operand (exactly, for sums and averages), and its
 * value for display.
 */
export function measureAggregate(node: AggregateCondition, events: readonly SegmentEvent[], now: number): { present: boolean; order: (operand: number) => number; value: number | null } {
  const values = matchingEvents(node, events, now).map((e) => e.properties[node.property]);
  if (node.fn === "count_distinct") {
    const distinct = new Set(values.filter((v) => ["string", "number", "boolean"].includes(typeof v)).map((v) => `${typeof v}:${String(v)}`)).size;
    return { present: true, order: (operand) => Math.sign(distinct - operand), value: distinct };
  }
  const numbers = values.filter((v): v is number => typeof v === "number");
  if (node.fn === "min" || node.fn === "max") {
    if (numbers.length === 0) return { present: false, order: () => 0, value: null };
    const extreme = numbers.reduce((a, b) => (node.fn === "min" ? Math.min(a, b) : Math.max(a, b)));
    return { present: true, order: (operand) => Math.sign(extreme - operand), value: extreme };
  }
  const sum = addDecimals(numbers.map((n) => toDecimal(n)));
  const total = numbers.reduce((a, b) => a + b, 0);
  if (node.fn === "sum") return { present: true, order: (operand) => compareDecimals(sum, toDecimal(operand)), value: total };
  // avg: compare sum with operand × count, so that no division rounds
  if (numbers.length === 0) return { present: false, order: () => 0, value: null };
  return { present: true, order: (operand) => compareDecimals(sum, multiplyDecimal(toDecimal(operand), numbers.length)), value: total / numbers.length };
}
