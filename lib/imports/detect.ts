import { recognizeFormat } from "./formats";
import type { ImportKind } from "./schema";
import { ORDER_NUMBER } from "./values";

const ORDER_HEADERS = [
  /financial.?status/i,
  /line.?item/i,
  /^order.?(id|number|no|total|date|status|currency)$/i,
  /^(sub.?total|grand.?total.*)$/i,
  /^item.?(name|sku|quantity|price|product.?id)$/i,
  /^(shipping|taxes|tax.?total|discount.?code)$/i,
  /^(paid|fulfilled|cancelled|purchase).?(at|date)$/i,
];

/** The headers of a file that only an orders file has (Financial Status, Lineitem name, order_total…). */
export function orderHeaders(headers: string[]): string[] {
  return headers.filter((h) => ORDER_HEADERS.some((p) => p.test(h.trim())));
}

/** Columns most of whose sample values are order numbers (#1001). */
export function orderNumberColumns(headers: string[], rows: Record<string, string>[]): string[] {
  return headers.filter((h) => {
    const values = rows.map((r) => r[h]?.trim() ?? "").filter(Boolean);
    return values.length > 0 && values.filter((v) => ORDER_NUMBER.test(v)).length * 2 > values.length;
  });
}

/**
 * What a file holds, from its header and first rows, before anything is written: a recognized export's
 * kind, else orders when it has two headers only orders have or one and a column of order numbers.
 */
export function detectKind(headers: string[], rows: Record<string, string>[]): ImportKind {
  const format = recognizeFormat(headers);
  if (format) return format.kind;
  const orderish = orderHeaders(headers).length;
  return orderish >= 2 || (orderish >= 1 && orderNumberColumns(headers, rows).length > 0) ? "orders" : "customers";
}

/**
 * Why a customers import of this header would be wrong (it is an orders export), or null. The import refuses
 * such a file before writing anything; the wizard switches it to orders.
 */
export function customersHeaderProblem(headers: string[]): string | null {
  const format = recognizeFormat(headers);
  const orderish = orderHeaders(headers);
  if (format?.kind !== "orders" && orderish.length < 2) return null;
  const named = format ? `a ${format.label}` : `an orders file (${orderish.slice(0, 3).join(", ")})`;
  return `This file looks like ${named}: import it as orders, not customers`;
}

/**
 * A mapping's likely mistakes, said before the import: a customers import of an orders file, a column of
 * order numbers mapped to a name or a trait.
 */
export function mappingWarnings(
  kind: ImportKind,
  headers: string[],
  rows: Record<string, string>[],
  columns: Record<string, string>,
): string[] {
  const warnings: string[] = [];
  const problem = kind === "customers" ? customersHeaderProblem(headers) : null;
  if (problem) warnings.push(problem);
  for (const column of orderNumberColumns(headers, rows)) {
    const target = columns[column] ?? "ignore";
    if (target === "ignore" || target === "order_id") continue;
    const sample = rows.map((r) => r[column]?.trim()).find((v) => v && ORDER_NUMBER.test(v));
    warnings.push(
      `Column “${column}” holds order numbers (${sample}) but is mapped to ${target.replace(/^trait:/, "trait ")}`,
    );
  }
  return warnings;
}
