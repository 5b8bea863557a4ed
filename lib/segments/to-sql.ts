import type {
  AggregateCondition,
  BehaviorCondition,
  ComputedCondition,
  Condition,
  RuleGroup,
  RuleNode,
} from "./schema";
import { SqlParams, WORKSPACE } from "./sql-params";
import { matchesEmpty, numberOf, sqlComparison, sqlNumber, sqlOrdered } from "./sql-values";
import type { SegmentRef } from "./state";
import { windowBounds } from "./window";

export type CompiledSql = {
  /** A boolean SQL expression over `profiles p` (never NULL). `$1` is the workspace id, `$2` now. */
  predicate: string;
  values: unknown[];
};

/**
 * Compiles a rule into one parameterized SQL predicate over profiles (with
 * subqueries on events and static memberships): the interpreter for counts,
 * previews and member lists. Same meaning as `evaluate` with no visit:
 * context conditions count as matched.
 */
export function toSql(
  rule: RuleGroup,
  options: { workspaceId: string; now: number; segments: ReadonlyMap<string, SegmentRef> },
): CompiledSql {
  const params = new SqlParams(options.workspaceId, options.now);
  const predicate = compileNode(rule, { params, segments: options.segments, stack: [] });
  return { predicate, values: params.values };
}

type Scope = { params: SqlParams; segments: ReadonlyMap<string, SegmentRef>; stack: string[] };

function compileNode(node: RuleNode, scope: Scope): string {
  if (node.type !== "group") return compileCondition(node, scope);
  const parts = node.children.map((child) => compileNode(child, scope));
  const joined =
    parts.length === 0
      ? node.combinator === "and"
        ? "TRUE"
        : "FALSE"
      : `(${parts.join(node.combinator === "and" ? " AND " : " OR ")})`;
  return node.not ? `(NOT ${joined})` : joined;
}

function compileCondition(node: Condition, scope: Scope): string {
  const { params } = scope;
  switch (node.type) {
    case "trait":
      return sqlComparison(node, `p.traits -> ${params.add(node.key, "text")}`, params);
    case "behavior":
      return behaviorSql(node, params);
    case "aggregate":
      return aggregateSql(node, params);
    case "computed":
      return computedSql(node, params);
    case "segment": {
      const target = scope.segments.get(node.segmentId);
      let member: string;
      if (!target || scope.stack.includes(node.segmentId)) member = "FALSE";
      else if (target.kind === "static")
        member = `EXISTS (SELECT 1 FROM segment_memberships m WHERE m.workspace_id = ${WORKSPACE} AND m.segment_id = ${params.add(node.segmentId, "text")} AND m.profile_id = p.id AND m.exited_at IS NULL)`;
      else member = compileNode(target.rule, { ...scope, stack: [...scope.stack, node.segmentId] });
      return node.op === "in" ? member : `(NOT ${member})`;
    }
    case "context":
      return "TRUE";
  }
}

/** The matching events of a behavior or aggregate condition, as a FROM clause of rows `e` (profile_id, properties). */
function eventsFrom(node: BehaviorCondition | AggregateCondition, params: SqlParams): string {
  const where = [`e.workspace_id = ${WORKSPACE}`, `e.name = ${params.add(node.event, "text")}`];
  const b = windowBounds(node.window, params.now);
  const at = (ms: number) => params.add(new Date(ms).toISOString(), "timestamptz");
  if (b.from !== null) where.push(`e.occurred_at ${b.fromInclusive ? ">=" : ">"} ${at(b.from)}`);
  if (b.to !== null)
    where.push(
      b.to === params.now && b.toInclusive
        ? `e.occurred_at <= ${params.nowSql()}`
        : `e.occurred_at ${b.toInclusive ? "<=" : "<"} ${at(b.to)}`,
    );
  for (const f of node.filters)
    where.push(sqlComparison(f, `e.properties -> ${params.add(f.property, "text")}`, params));
  const conditions = where.join(" AND ");
  // the two halves match the two partial indexes of migration 20261130003500 word for word, so that nearly all
  // rows come from an index-only scan (the events table itself is wide: its context column)
  return `FROM (SELECT e.profile_id, e.properties FROM events e WHERE ${conditions} AND ${SMALL_PROPERTIES}
          UNION ALL SELECT e.profile_id, e.properties FROM events e WHERE ${conditions} AND ${LARGE_PROPERTIES}) e`;
}

const SMALL_PROPERTIES = "octet_length(e.properties::text) <= 1000";
const LARGE_PROPERTIES = "octet_length(e.properties::text) > 1000";

/**
 * Profiles whose matching events satisfy `having`. When a profile without
 * any matching event satisfies the condition too (`never`, `sum < 10`), the
 * condition is compiled as "not among those that fail it".
 */
function groupedSql(from: string, having: string, matchesWithoutEvents: boolean): string {
  return matchesWithoutEvents
    ? `p.id NOT IN (SELECT e.profile_id ${from} GROUP BY e.profile_id HAVING NOT coalesce(${having}, false))`
    : `p.id IN (SELECT e.profile_id ${from} GROUP BY e.profile_id HAVING coalesce(${having}, false))`;
}

function behaviorSql(node: BehaviorCondition, params: SqlParams): string {
  const from = eventsFrom(node, params);
  const { op, value } = node.count;
  if (op === "never" || (op === "exactly" && value === 0)) return `p.id NOT IN (SELECT e.profile_id ${from})`;
  if (op === "at_least" && value <= 1) return value <= 0 ? "TRUE" : `p.id IN (SELECT e.profile_id ${from})`;
  const n = params.add(value, "int");
  if (op === "at_least") return groupedSql(from, `count(*) >= ${n}`, false);
  if (op === "at_most") return groupedSql(from, `count(*) <= ${n}`, true);
  return groupedSql(from, `count(*) = ${n}`, false);
}

function aggregateSql(node: AggregateCondition, params: SqlParams): string {
  const x = `e.properties -> ${params.add(node.property, "text")}`;
  const from = eventsFrom(node, params);
  const { op, value, to } = node;
  if (node.fn === "count_distinct") {
    const distinct = `count(DISTINCT CASE WHEN jsonb_typeof(${x}) IN ('string', 'number', 'boolean') THEN ${x} END)::float8`;
    return groupedSql(from, sqlNumber(op, distinct, params, value, to), matchesEmpty(op, true, 0, value, to));
  }
  if (node.fn === "min" || node.fn === "max") {
    const extreme = `${node.fn}(${numberOf(x)})`;
    return groupedSql(from, sqlNumber(op, extreme, params, value, to), matchesEmpty(op, false, 0, value, to));
  }
  const n = numberOf(x, "numeric");
  if (node.fn === "sum") {
    const sum = `coalesce(sum(${n}), 0)`;
    const having = sqlOrdered(
      op,
      "TRUE",
      (operator, operand) => `${sum} ${operator} ${params.add(String(operand), "numeric")}`,
      value,
      to,
    );
    return groupedSql(from, having, matchesEmpty(op, true, 0, value, to));
  }
  // avg: sum compared with operand × count, exactly (no rounded division)
  const having = sqlOrdered(
    op,
    `count(${n}) > 0`,
    (operator, operand) => `sum(${n}) ${operator} ${params.add(String(operand), "numeric")} * count(${n})`,
    value,
    to,
  );
  return groupedSql(from, having, matchesEmpty(op, false, 0, value, to));
}

/** The SQL of a computed field; "days since" fields are measured from now. */
function computedColumn(
  field: Exclude<ComputedCondition["field"], "revenue" | "average_order_value">,
  params: SqlParams,
): string {
  switch (field) {
    case "days_since_last_order":
    case "days_since_last_seen":
    case "days_since_first_seen": {
      const column = {
        days_since_last_order: "last_order_at",
        days_since_last_seen: "last_seen_at",
        days_since_first_seen: "first_seen_at",
      }[field];
      return `floor(extract(epoch from (${params.nowSql()} - p.${column})) / 86400)::float8`;
    }
    case "event_count":
      return "p.event_count::float8";
    default:
      return `p.${field}::float8`;
  }
}

function computedSql(node: ComputedCondition, params: SqlParams): string {
  const { op, value, to } = node;
  if (node.field === "revenue")
    return sqlOrdered(
      op,
      "TRUE",
      (operator, operand) => `p.revenue ${operator} ${params.add(String(operand), "numeric")}`,
      value,
      to,
    );
  if (node.field === "average_order_value")
    return sqlOrdered(
      op,
      "p.orders > 0",
      (operator, operand) => `p.revenue ${operator} ${params.add(String(operand), "numeric")} * p.orders`,
      value,
      to,
    );
  return sqlNumber(op, computedColumn(node.field, params), params, value, to);
}
