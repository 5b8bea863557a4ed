import type { Comparison } from "./schema";
import { asciiLower, dayStart, DAY_MS, isSet, parseTimestamp } from "./values";

/** Operators that also match a missing (or differently typed) value. */
const NEGATIVE = new Set(["not_equals", "not_contains", "not_in", "neq", "is_not_set"]);

/**
 * `order` compares the value with an operand (−1, 0, 1): numeric operators
 * are written once for doubles and for exact decimals. A missing value
 * (null) matches only the negative operator `neq`.
 */
export function testOrdered(op: string, present: boolean, order: (operand: number) => number, value?: number, to?: number): boolean {
  if (op === "is_set") return present;
  if (op === "is_not_set") return !present;
  if (!present) return op === "neq";
  const o = order(value!);
  switch (op) {
    case "eq":
      return o === 0;
    case "neq":
      return o !== 0;
    case "lt":
      return o < 0;
    case "lte":
      return o <= 0;
    case "gt":
      return o > 0;
    case "gte":
      return o >= 0;
    case "between":
      return o >= 0 && order(to!) <= 0;
    default:
      return false;
  }
}

const sign = (x: number) => (x < 0 ? -1 : x > 0 ? 1 : 0);

/** A number operator against a double (null when missing). */
export function testNumber(op: string, n: number | null, value?: number, to?: number): boolean {
  return testOrdered(op, n !== null, (operand) => sign(n! - operand), value, to);
}

/** Whether a trait, property or context value satisfies a comparison at `now` (ms). */
export function matchComparison(c: Comparison, value: unknown, now: number): boolean {
  if (c.op === "is_set") return isSet(value);
  if (c.op === "is_not_set") return !isSet(value);
  switch (c.valueType) {
    case "string": {
      if (typeof value !== "string") return NEGATIVE.has(c.op);
      const needle = asciiLower(c.value ?? "");
      switch (c.op) {
        case "equals":
          return value === c.value;
        case "not_equals":
          return value !== c.value;
        case "contains":
          return asciiLower(value).includes(needle);
        case "not_contains":
          return !asciiLower(value).includes(needle);
        case "starts_with":
          return asciiLower(value).startsWith(needle);
        case "ends_with":
          return asciiLower(value).endsWith(needle);
        case "in":
          return (c.values ?? []).includes(value);
        case "not_in":
          return !(c.values ?? []).includes(value);
      }
      return false;
    }
    case "number":
      return testNumber(c.op, typeof value === "number" ? value : null, c.value, c.to);
    case "boolean":
      return c.op === "is_true" ? value === true : value === false;
    case "date": {
      const at = parseTimestamp(value);
      if (at === null) return false;
      switch (c.op) {
        case "before":
          return at < dayStart(c.date!);
        case "after":
          return at >= dayStart(c.date!) + DAY_MS;
        case "within_last_days":
          return at > now - c.days! * DAY_MS && at <= now;
        case "more_than_days_ago":
          return at <= now - c.days! * DAY_MS;
      }
      return false;
    }
  }
}
