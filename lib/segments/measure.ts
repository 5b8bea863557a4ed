import { matchComparison } from "./compare";
import type { AggregateCondition, BehaviorCondition } from "./schema";
import type { SegmentEvent } from "./state";
import { addDecimals, compareDecimals, multiplyDecimal, toDecimal } from "./values";
import { windowBounds } from "./window";

/** A profile's events by name, each list in time order. */
export type EventIndex = ReadonlyMap<string, SegmentEvent[]>;

/** Indexes already built: a decision server keeps a visitor's state for a while and decides for it again. */
const indexes = new WeakMap<readonly SegmentEvent[], EventIndex>();

/** The events by name (built once per events array: the arrays are never changed once loaded). */
export function indexEvents(events: readonly SegmentEvent[]): EventIndex {
  let index = indexes.get(events);
  if (!index) indexes.set(events, (index = buildIndex(events)));
  return index;
}

function buildIndex(events: readonly SegmentEvent[]): EventIndex {
  const index = new Map<string, SegmentEvent[]>();
  for (const e of events) {
    const list = index.get(e.name);
    if (list) list.push(e);
    else index.set(e.name, [e]);
  }
  // events usually arrive in time order (the loaders sort them): sort only when they are not
  for (const list of index.values())
    if (list.some((e, i) => i > 0 && e.occurredAt < list[i - 1]!.occurredAt))
      list.sort((a, b) => a.occurredAt - b.occurredAt);
  return index;
}

/** The first position in a time-ordered list whose event is not before `t` (or not at or before it, when `after`). */
function firstFrom(list: SegmentEvent[], t: number, after: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = list[mid]!.occurredAt;
    if (at < t || (after && at === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `visit` for each event a behavior or aggregate condition looks at:
 * its event name, in its window (found by binary search), passing its
 * property filters. Allocates nothing per event.
 */
function eachMatching(
  node: BehaviorCondition | AggregateCondition,
  events: EventIndex,
  now: number,
  visit: (e: SegmentEvent) => void,
): void {
  const list = events.get(node.event) ?? [];
  const b = windowBounds(node.window, now);
  const end = b.to === null ? list.length : firstFrom(list, b.to, b.toInclusive);
  const filters = node.filters;
  next: for (let i = b.from === null ? 0 : firstFrom(list, b.from, !b.fromInclusive); i < end; i++) {
    const e = list[i]!;
    for (const f of filters) if (!matchComparison(f, e.properties[f.property], now)) continue next;
    visit(e);
  }
}

/** How many events a behavior condition counts. */
export function countMatching(node: BehaviorCondition, events: EventIndex, now: number): number {
  let count = 0;
  eachMatching(node, events, now, () => (count += 1));
  return count;
}

/**
 * An aggregate of the matching events' property: whether it exists (avg,
 * min and max of no number do not; sum and distinct count are then 0), how
 * it orders against an operand (exactly, for sums and averages), and its
 * value for display.
 */
export function measureAggregate(
  node: AggregateCondition,
  events: EventIndex,
  now: number,
): { present: boolean; order: (operand: number) => number; value: number | null } {
  const property = node.property;
  if (node.fn === "count_distinct") {
    const strings = new Set<string>();
    const others = new Set<number | boolean>();
    eachMatching(node, events, now, (e) => {
      const v = e.properties[property];
      if (typeof v === "string") strings.add(v);
      else if (typeof v === "number" || typeof v === "boolean") others.add(v);
    });
    const distinct = strings.size + others.size;
    return { present: true, order: (operand) => Math.sign(distinct - operand), value: distinct };
  }
  const numbers: number[] = [];
  eachMatching(node, events, now, (e) => {
    const v = e.properties[property];
    if (typeof v === "number") numbers.push(v);
  });
  if (node.fn === "min" || node.fn === "max") {
    if (numbers.length === 0) return { present: false, order: () => 0, value: null };
    const extreme = numbers.reduce((a, b) => (node.fn === "min" ? Math.min(a, b) : Math.max(a, b)));
    return { present: true, order: (operand) => Math.sign(extreme - operand), value: extreme };
  }
  const sum = addDecimals(numbers.map((n) => toDecimal(n)));
  const total = numbers.reduce((a, b) => a + b, 0);
  if (node.fn === "sum")
    return { present: true, order: (operand) => compareDecimals(sum, toDecimal(operand)), value: total };
  // avg: compare sum with operand × count, so that no division rounds
  if (numbers.length === 0) return { present: false, order: () => 0, value: null };
  return {
    present: true,
    order: (operand) => compareDecimals(sum, multiplyDecimal(toDecimal(operand), numbers.length)),
    value: total / numbers.length,
  };
}
