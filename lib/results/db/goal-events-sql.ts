import type { PropertyFilter } from "@/lib/segments/schema";
import type { SqlParams } from "@/lib/segments/sql-params";
import { WORKSPACE } from "@/lib/segments/sql-params";
import { numberOf, sqlComparison } from "@/lib/segments/sql-values";

/** What of a goal decides which events count and what each is worth. */
export type GoalEventsSpec = {
  eventName: string;
  /** The numeric property summed by sum and ratio goals; null: none (every event is worth 0). */
  valueProperty: string | null;
  filters: readonly PropertyFilter[];
};

/*
 * The two halves of the events read match the two partial indexes of
 * migration 20261130003500_segment_event_indexes word for word (the same
 * predicates as lib/segments/to-sql.ts writes), so that nearly every row comes
 * from an index-only scan of (workspace_id, name, occurred_at) INCLUDE
 * (profile_id, properties): the events table itself is wide (its context).
 */
const SMALL_PROPERTIES = "octet_length(e.properties::text) <= 1000";
const LARGE_PROPERTIES = "octet_length(e.properties::text) > 1000";

/**
 * A FROM clause of the goal's events in a time range as rows
 * `m` (profile_id, occurred_at, v): of the goal's event name, passing its
 * property filters (compiled by the segments' SQL compiler, with the
 * segments' meaning), with `v` the value property when it is a JSON number
 * and 0 otherwise (a string never makes the query fail). The range's bounds
 * are SQL expressions: `from` <= occurred_at < `before`, and occurred_at <= `to`.
 */
export function goalEventsFrom(
  goal: GoalEventsSpec,
  params: SqlParams,
  range: { from: string; before: string; to: string },
  withValue: boolean,
): string {
  const where = [
    `e.workspace_id = ${WORKSPACE}`,
    `e.name = ${params.add(goal.eventName, "text")}`,
    `e.occurred_at >= ${range.from}`,
    `e.occurred_at < ${range.before}`,
    `e.occurred_at <= ${range.to}`,
  ];
  for (const f of goal.filters)
    where.push(sqlComparison(f, `e.properties -> ${params.add(f.property, "text")}`, params));
  const value =
    withValue && goal.valueProperty
      ? `coalesce(${numberOf(`e.properties -> ${params.add(goal.valueProperty, "text")}`)}, 0)`
      : "0::float8";
  const conditions = where.join(" AND ");
  const half = (size: string) =>
    `SELECT e.profile_id, e.occurred_at, ${value} AS v FROM events e WHERE ${conditions} AND ${size}`;
  return `(${half(SMALL_PROPERTIES)} UNION ALL ${half(LARGE_PROPERTIES)}) m`;
}
