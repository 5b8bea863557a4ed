import type { Comparison } from "./schema";
import { DAY_MS } from "@/lib/time";
import { asciiLower, dayStart, isSet, parseTimestamp } from "./values";

/** Operators that also match a missing (or differently typed) value. */
const NEGATIVE = new Set(["not_equals", "not_contains", "not_in", "neq", "is_not_set"]);

/**
 * `order` compares the value with an operand (−1, 0, 1): numeric operators
 * are written once for doubles and for exact decimals. A missing value
 * (null) matches only the negative operator `neq`.
 */
export function testOrdered(
  op: string,
  present: boolean,
  order: (operand: number) => number,
  value?: number,
  to?: number,
): boolean {
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

type Matcher = (value: unknown, now: number) => boolean;

/** Comparisons compiled once: rules are immutable, so each comparison object maps to one matcher. */
const compiled = new WeakMap<Comparison, Matcher>();

/** Whether a trait, property or context value satisfies a comparison at `now` (ms). */
export function matchComparison(c: Comparison, value: unknown, now: number): boolean {
  let matcher = compiled.get(c);
  if (!matcher) {
    matcher = compileComparison(c);
    compiled.set(c, matcher);
  }
  return matcher(value, now);
}

function compileComparison(c: Comparison): Matcher {
  if (c.op === "is_set") return (value) => isSet(value);
  if (c.op === "is_not_set") return (value) => !isSet(value);
  switch (c.valueType) {
    case "string": {
      const missing = NEGATIVE.has(c.op);
      const text =
        (test: (s: string) => boolean): Matcher =>
        (value) =>
          typeof value === "string" ? test(value) : missing;
      const needle = asciiLower(c.value ?? "");
      const values = new Set(c.values ?? []);
      switch (c.op) {
        case "equals":
          return text((v) => v === c.value);
        case "not_equals":
          return text((v) => v !== c.value);
        case "contains":
          return text((v) => asciiLower(v).includes(needle));
        case "not_contains":
          return text((v) => !asciiLower(v).includes(needle));
        case "starts_with":
          return text((v) => asciiLower(v).startsWith(needle));
        case "ends_with":
          return text((v) => asciiLower(v).endsWith(needle));
        case "in":
          return text((v) => values.has(v));
        case "not_in":
          return text((v) => !values.has(v));
      }
      return () => false;
    }
    case "number":
      return (value) => testNumber(c.op, typeof value === "number" ? value : null, c.value, c.to);
    case "boolean":
      return c.op === "is_true" ? (value) => value === true : (value) => value === false;
    case "date": {
      const op = c.op;
      const before = c.date ? dayStart(c.date) : 0;
      return (value, now) => {
        const at = parseTimestamp(value);
        if (at === null) return false;
        switch (op) {
          case "before":
            return at < before;
          case "after":
            return at >= before + DAY_MS;
          case "within_last_days":
            return at > now - c.days! * DAY_MS && at <= now;
          case "more_than_days_ago":
            return at <= now - c.days! * DAY_MS;
        }
        return false;
      };
    }
  }
}
