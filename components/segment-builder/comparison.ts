import { BOOLEAN_OPS, DATE_OPS, NUMBER_OPS, STRING_OPS, type Comparison } from "@/lib/segments/schema";

export type ValueType = Comparison["valueType"];

export const VALUE_TYPES = ["string", "number", "boolean", "date"] as const satisfies readonly ValueType[];
export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  string: "text",
  number: "number",
  boolean: "yes / no",
  date: "date",
};
export const OPS_BY_TYPE = { string: STRING_OPS, number: NUMBER_OPS, boolean: BOOLEAN_OPS, date: DATE_OPS } as const;

/** A fresh comparison of a value type, with its most common operator and no operand yet. */
export function defaultComparison(valueType: ValueType): Comparison {
  switch (valueType) {
    case "string":
      return { valueType, op: "equals" };
    case "number":
      return { valueType, op: "eq" };
    case "boolean":
      return { valueType, op: "is_true" };
    case "date":
      return { valueType, op: "within_last_days", days: 30 };
  }
}

const isOp = <T extends string>(ops: readonly T[], op: string): op is T => (ops as readonly string[]).includes(op);

/**
 * The comparison with another operator of its value type, keeping operands
 * (a single string value becomes a list of one, a list's first item the
 * single value). Unknown operators
 * leave it as it is.
 */
export function withOp(c: Comparison, op: string): Comparison {
  switch (c.valueType) {
    case "string": {
      if (!isOp(STRING_OPS, op)) return c;
      const toList = op === "in" || op === "not_in";
      if (toList && !c.values?.length && c.value) return { ...c, op, values: [c.value] };
      if (!toList && c.value === undefined && c.values?.length) return { ...c, op, value: c.values[0] };
      return { ...c, op };
    }
    case "number":
      return isOp(NUMBER_OPS, op) ? { ...c, op } : c;
    case "boolean":
      return isOp(BOOLEAN_OPS, op) ? { ...c, op } : c;
    case "date":
      return isOp(DATE_OPS, op) ? { ...c, op } : c;
  }
}

/** "DE, AT ,, CH" → ["DE", "AT", "CH"]. */
export const parseList = (text: string): string[] =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export const formatList = (values: readonly string[] | undefined): string => (values ?? []).join(", ");
