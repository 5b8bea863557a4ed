import { testOrdered } from "./compare";
import type { Comparison } from "./schema";
import type { SqlParams } from "./sql-params";
import { DAY_MS } from "@/lib/time";
import { asciiLower, dayStart, ISO_TIMESTAMP_PATTERN } from "./values";

/*
 * SQL twins of values.ts and compare.ts. Every expression returned here is
 * two-valued (never NULL), so that NOT and OR mean what they mean in
 * JavaScript. `x` is a jsonb expression (a trait or an event property).
 */

const iso = (ms: number) => new Date(ms).toISOString();

/** asciiLower in SQL: only A–Z, whatever the database's locale. */
export const lowerAscii = (text: string) =>
  `translate(${text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;

export const textOf = (x: string) => `(CASE WHEN jsonb_typeof(${x}) = 'string' THEN ${x} #>> '{}' END)`;
export const numberOf = (x: string, cast: "float8" | "numeric" = "float8") =>
  `(CASE WHEN jsonb_typeof(${x}) = 'number' THEN (${x} #>> '{}')::${cast} END)`;

/** parseTimestamp in SQL: guards every cast, so that no stored value can make the query fail. */
export function timestampOf(x: string): string {
  const t = textOf(x);
  return `(CASE WHEN ${t} ~ '${ISO_TIMESTAMP_PATTERN}' AND substr(${t}, 1, 4) <> '0000' THEN
    CASE WHEN substr(${t}, 9, 2)::int <= extract(day from make_date(substr(${t}, 1, 4)::int, substr(${t}, 6, 2)::int, 1) + interval '1 month - 1 day')
    THEN CASE WHEN ${t} ~ '(Z|[+-]\\d\\d:\\d\\d)$' THEN ${t}::timestamptz ELSE ${t}::timestamp AT TIME ZONE 'UTC' END END END)`;
}

const isSet = (x: string) => `coalesce(jsonb_typeof(${x}) <> 'null' AND ${x} <> '""'::jsonb, false)`;

/**
 * testOrdered in SQL. `compare(operator, operand)` writes one comparison of
 * the value with an operand (`v < $5::float8`); `present` says the value exists.
 */
export function sqlOrdered(
  op: string,
  present: string,
  compare: (operator: string, operand: number) => string,
  value?: number,
  to?: number,
): string {
  switch (op) {
    case "is_set":
      return `coalesce(${present}, false)`;
    case "is_not_set":
      return `NOT coalesce(${present}, false)`;
    case "neq":
      return `coalesce(NOT (${present}) OR ${compare("<>", value!)}, true)`;
    case "between":
      return `coalesce((${present}) AND ${compare(">=", value!)} AND ${compare("<=", to!)}, false)`;
  }
  const operator = { eq: "=", lt: "<", lte: "<=", gt: ">", gte: ">=" }[op];
  return operator ? `coalesce((${present}) AND ${compare(operator, value!)}, false)` : "FALSE";
}

/** A double compared with operands (number traits, counts, computed integers). */
export function sqlNumber(op: string, v: string, params: SqlParams, value?: number, to?: number): string {
  return sqlOrdered(
    op,
    `${v} IS NOT NULL`,
    (operator, operand) => `${v} ${operator} ${params.add(operand, "float8")}`,
    value,
    to,
  );
}

/** matchComparison in SQL. */
export function sqlComparison(c: Comparison, x: string, params: SqlParams): string {
  if (c.op === "is_set") return isSet(x);
  if (c.op === "is_not_set") return `NOT ${isSet(x)}`;
  switch (c.valueType) {
    case "string": {
      const t = textOf(x);
      const needle = () => params.add(asciiLower(c.value ?? ""), "text");
      const positive = (sql: string) => `coalesce(${sql}, false)`;
      switch (c.op) {
        // jsonb equality with a JSON string: exact, type-aware, and cheaper than extracting the text
        case "equals":
          return positive(`${x} = ${params.add(JSON.stringify(c.value ?? ""), "jsonb")}`);
        case "not_equals":
          return `NOT ${positive(`${x} = ${params.add(JSON.stringify(c.value ?? ""), "jsonb")}`)}`;
        case "contains":
          return positive(`strpos(${lowerAscii(t)}, ${needle()}) > 0`);
        case "not_contains":
          return `NOT ${positive(`strpos(${lowerAscii(t)}, ${needle()}) > 0`)}`;
        case "starts_with":
          return positive(`starts_with(${lowerAscii(t)}, ${needle()})`);
        case "ends_with": {
          const n = needle();
          return positive(`right(${lowerAscii(t)}, char_length(${n})) = ${n}`);
        }
        case "in":
          return positive(
            `${x} = ANY(${params.add(
              (c.values ?? []).map((v) => JSON.stringify(v)),
              "jsonb[]",
            )})`,
          );
        case "not_in":
          return `NOT ${positive(
            `${x} = ANY(${params.add(
              (c.values ?? []).map((v) => JSON.stringify(v)),
              "jsonb[]",
            )})`,
          )}`;
      }
      return "FALSE";
    }
    case "number":
      return sqlNumber(c.op, numberOf(x), params, c.value, c.to);
    case "boolean":
      return `coalesce(${x} = '${c.op === "is_true" ? "true" : "false"}'::jsonb, false)`;
    case "date": {
      const d = timestampOf(x);
      const at = (ms: number) => params.add(iso(ms), "timestamptz");
      switch (c.op) {
        case "before":
          return `coalesce(${d} < ${at(dayStart(c.date!))}, false)`;
        case "after":
          return `coalesce(${d} >= ${at(dayStart(c.date!) + DAY_MS)}, false)`;
        case "within_last_days":
          return `coalesce(${d} > ${at(params.now - c.days! * DAY_MS)} AND ${d} <= ${params.nowSql()}, false)`;
        case "more_than_days_ago":
          return `coalesce(${d} <= ${at(params.now - c.days! * DAY_MS)}, false)`;
      }
      return "FALSE";
    }
  }
}

/** Whether an aggregate with no value to aggregate (present or not, at `empty`) satisfies the operator: decided at compile time. */
export function matchesEmpty(op: string, present: boolean, empty: number, value?: number, to?: number): boolean {
  return testOrdered(op, present, (operand) => Math.sign(empty - operand), value, to);
}
