import { matchComparison, testNumber, testOrdered } from "./compare";
import { countMatching, indexEvents, measureAggregate, type EventIndex } from "./measure";
import type { Condition, ComputedCondition, ContextField, RuleGroup, RuleNode } from "./schema";
import type { EvaluateOptions, ProfileState, SegmentRef, VisitContext } from "./state";
import { DAY_MS } from "@/lib/time";
import { compareDecimals, multiplyDecimal, toDecimal } from "./values";

/** A compiled rule: decides one profile, in memory, with no I/O. */
export type CompiledRule = (ev: Evaluation) => boolean;

/**
 * One decision about one profile at one instant: the profile, its events
 * indexed by name, and the measurements its rules share (several segments
 * counting the same events measure them once). Start one per request.
 */
export type Evaluation = {
  state: ProfileState;
  now: number;
  context: VisitContext | null;
  events: EventIndex;
  measured: Map<string, unknown>;
};

export function startEvaluation(state: ProfileState, now: number, context: VisitContext | null): Evaluation {
  return { state, now, context, events: indexEvents(state.events), measured: new Map() };
}

/**
 * Whether a profile matches a rule: the in-memory interpreter, used by the
 * decision API. It means exactly what `toSql` means (see the parity test),
 * with one addition: context conditions are checked against the visit, or
 * count as matched when there is none.
 */
export function evaluate(rule: RuleGroup, state: ProfileState, options: EvaluateOptions): boolean {
  return compileRule(rule, options.segments)(startEvaluation(state, options.now, options.context));
}

/** Compiles a rule once, for deciding many profiles (a workspace snapshot keeps these). */
export function compileRule(rule: RuleGroup, segments: ReadonlyMap<string, SegmentRef>): CompiledRule {
  return compileNode(rule, segments, []);
}

function compileNode(node: RuleNode, segments: ReadonlyMap<string, SegmentRef>, stack: string[]): CompiledRule {
  if (node.type !== "group") return compileCondition(node, segments, stack);
  const children = node.children.map((child) => compileNode(child, segments, stack));
  const combined: CompiledRule =
    node.combinator === "and"
      ? (ev) => children.every((child) => child(ev))
      : (ev) => children.some((child) => child(ev));
  return node.not ? (ev) => !combined(ev) : combined;
}

function compileCondition(node: Condition, segments: ReadonlyMap<string, SegmentRef>, stack: string[]): CompiledRule {
  switch (node.type) {
    case "trait":
      return (ev) => matchComparison(node, ev.state.traits[node.key], ev.now);
    case "behavior": {
      const { op, value } = node.count;
      const key = measureKey(node);
      return (ev) => {
        const count = measured(ev, key, () => countMatching(node, ev.events, ev.now));
        if (op === "at_least") return count >= value;
        if (op === "at_most") return count <= value;
        if (op === "exactly") return count === value;
        return count === 0;
      };
    }
    case "aggregate": {
      const key = measureKey(node);
      return (ev) => {
        const m = measured(ev, key, () => measureAggregate(node, ev.events, ev.now));
        return testOrdered(node.op, m.present, m.order, node.value, node.to);
      };
    }
    case "computed":
      return (ev) => testComputed(node, ev.state, ev.now);
    case "segment": {
      const target = segments.get(node.segmentId);
      let member: CompiledRule;
      if (!target || stack.includes(node.segmentId)) member = () => false;
      else if (target.kind === "static") member = (ev) => ev.state.staticSegments.has(node.segmentId);
      else member = compileNode(target.rule, segments, [...stack, node.segmentId]);
      return node.op === "in" ? member : (ev) => !member(ev);
    }
    case "context":
      return (ev) => (ev.context ? matchComparison(node, contextValue(ev.context, node.field), ev.now) : true);
  }
}

/** What a behavior or aggregate condition measures, whatever it then compares: conditions that measure the same thing share one measurement. */
const measureKey = (node: Condition) => {
  const { id: _id, ...rest } = node as Condition & { count?: unknown; op?: unknown; value?: unknown; to?: unknown };
  const { count: _count, op: _op, value: _value, to: _to, ...measured } = rest as Record<string, unknown>;
  return JSON.stringify(measured);
};

function measured<T>(ev: Evaluation, key: string, measure: () => T): T {
  if (ev.measured.has(key)) return ev.measured.get(key) as T;
  const value = measure();
  ev.measured.set(key, value);
  return value;
}

const daysSince = (now: number, at: number | null) => (at === null ? null : Math.floor((now - at) / DAY_MS));

/** The value of a computed field (null when the profile has none, e.g. no order yet). */
export function computedValue(field: ComputedCondition["field"], s: ProfileState, now: number): number | null {
  const c = s.computed;
  switch (field) {
    case "orders":
      return c.orders;
    case "revenue":
      return Number(c.revenue);
    case "average_order_value":
      return c.orders > 0 ? Number(c.revenue) / c.orders : null;
    case "sessions":
      return c.sessions;
    case "event_count":
      return c.eventCount;
    case "days_since_last_order":
      return daysSince(now, c.lastOrderAt);
    case "days_since_last_seen":
      return daysSince(now, c.lastSeenAt);
    case "days_since_first_seen":
      return daysSince(now, c.firstSeenAt);
    case "rfm_recency":
      return c.rfmRecency;
    case "rfm_frequency":
      return c.rfmFrequency;
    case "rfm_monetary":
      return c.rfmMonetary;
  }
}

function testComputed(node: ComputedCondition, s: ProfileState, now: number): boolean {
  // money compares exactly, as Postgres' numeric does
  if (node.field === "revenue" || node.field === "average_order_value") {
    const orders = s.computed.orders;
    const perOrder = node.field === "average_order_value";
    const revenue = toDecimal(s.computed.revenue);
    return testOrdered(
      node.op,
      !perOrder || orders > 0,
      (operand) => compareDecimals(revenue, multiplyDecimal(toDecimal(operand), perOrder ? orders : 1)),
      node.value,
      node.to,
    );
  }
  return testNumber(node.op, computedValue(node.field, s, now), node.value, node.to);
}

/** The visit's value of a context field. */
export function contextValue(context: VisitContext, field: ContextField): unknown {
  switch (field) {
    case "url":
      return context.url;
    case "path":
      return context.path;
    case "referrer":
      return context.referrer;
    case "utm_source":
      return context.utmSource;
    case "utm_medium":
      return context.utmMedium;
    case "utm_campaign":
      return context.utmCampaign;
    case "device":
      return context.device;
    case "country":
      return context.country;
    case "local_hour":
      return context.localHour;
    case "weekday":
      return context.weekday;
    case "visitor":
      return context.visitor;
  }
}
