import { createHash } from "node:crypto";
import { unstorableReason } from "@/lib/json/storable";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import type { ImportIssue, ImportMapping } from "./schema";
import { amountValue, countryValue, currencyValue, dateValue, emailValue, phoneValue } from "./values";

export type RowResult = { ok: true; event: NormalizedEvent } | { ok: false; issues: ImportIssue[] };

/** A trait cell as a typed value: numbers and booleans become such, the rest stays text. */
function traitValue(raw: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(raw) && raw.length < 16) return Number(raw);
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
  return raw;
}

/** The row's non-empty cells by mapped field. */
function fieldsOf(record: Record<string, string>, mapping: ImportMapping): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping.columns)) {
    const raw = record[column]?.trim();
    if (field !== "ignore" && raw) fields.set(field, raw);
  }
  return fields;
}

/** Cells Postgres cannot store (U+0000), each an issue of the row. */
const unstorableIssues = (fields: Map<string, string>, line: number): ImportIssue[] =>
  [...fields].flatMap(([field, raw]) => {
    const reason = unstorableReason(raw);
    return reason ? [{ line, field, reason }] : [];
  });

const base = (
  messageId: string,
  occurredAt: Date,
): Omit<NormalizedEvent, "type" | "name" | "traits" | "properties"> => ({
  messageId,
  occurredAt,
  context: { source: "csv-import" },
  consent: null,
  revenue: null,
});
const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

/**
 * A customers row → an identify ("Customer Imported") carrying its traits
 * and identities, or the reasons it cannot be. The messageId is a digest of
 * the normalized row, so importing the same file again stores nothing new.
 */
export function customerRow(record: Record<string, string>, mapping: ImportMapping, line: number, at: Date): RowResult {
  const fields = fieldsOf(record, mapping);
  const unstorable = unstorableIssues(fields, line);
  if (unstorable.length) return { ok: false, issues: unstorable };
  const issues: ImportIssue[] = [];
  const traits: Record<string, unknown> = {};
  const check = <T>(field: string, result: { ok: true; value: T } | { ok: false; reason: string }) => {
    if (result.ok) return result.value;
    issues.push({ line, field, reason: result.reason });
    return undefined;
  };
  const country = fields.has("country") ? check("country", countryValue(fields.get("country")!)) : undefined;
  const email = fields.has("email") ? check("email", emailValue(fields.get("email")!)) : undefined;
  const phone = fields.has("phone")
    ? check("phone", phoneValue(fields.get("phone")!, country ?? mapping.defaultCountry))
    : undefined;
  const userId = fields.get("user_id");
  if (!email && !phone && !userId && issues.length === 0)
    issues.push({ line, field: "email", reason: "the row has no email, phone or user_id to identify the customer" });
  if (issues.length) return { ok: false, issues };
  const [first, ...rest] = (fields.get("name") ?? "").split(/\s+/);
  Object.assign(traits, {
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...((fields.get("first_name") ?? first) ? { first_name: fields.get("first_name") ?? first } : {}),
    ...((fields.get("last_name") ?? (rest.length ? rest.join(" ") : undefined))
      ? { last_name: fields.get("last_name") ?? rest.join(" ") }
      : {}),
    ...(country ? { country } : {}),
    ...(fields.get("city") ? { city: fields.get("city") } : {}),
  });
  for (const [field, raw] of fields) if (field.startsWith("trait:")) traits[field.slice(6)] = traitValue(raw);
  return {
    ok: true,
    event: {
      ...base(`import:customer:${digest([userId, traits])}`, at),
      type: "identify",
      name: "Customer Imported",
      traits,
      properties: {},
      userId,
      email,
      phone,
    },
  };
}

/**
 * An orders row → an "Order Completed" event of the customer it names, with
 * revenue and currency. Its messageId is the order id, so an order is stored
 * once however often it is imported (or sent by the storefront with the same id).
 */
export function orderRow(record: Record<string, string>, mapping: ImportMapping, line: number, at: Date): RowResult {
  const fields = fieldsOf(record, mapping);
  const unstorable = unstorableIssues(fields, line);
  if (unstorable.length) return { ok: false, issues: unstorable };
  const issues: ImportIssue[] = [];
  const orderId = fields.get("order_id");
  if (!orderId) issues.push({ line, field: "order_id", reason: "is empty" });
  const emailResult = fields.has("email") ? emailValue(fields.get("email")!) : null;
  if (emailResult && !emailResult.ok) issues.push({ line, field: "email", reason: emailResult.reason });
  const email = emailResult?.ok ? emailResult.value : undefined;
  const userId = fields.get("user_id");
  if (!email && !userId && !(emailResult && !emailResult.ok))
    issues.push({ line, field: "email", reason: "the order names no customer (email or user_id)" });
  const dateResult = fields.has("date") ? dateValue(fields.get("date")!, mapping.dateOrder) : null;
  if (dateResult && !dateResult.ok) issues.push({ line, field: "date", reason: dateResult.reason });
  const currencyResult = fields.has("currency") ? currencyValue(fields.get("currency")!) : null;
  if (currencyResult && !currencyResult.ok) issues.push({ line, field: "currency", reason: currencyResult.reason });
  const totalResult = fields.has("total")
    ? amountValue(fields.get("total")!, currencyResult?.ok ? currencyResult.value : mapping.defaultCurrency)
    : null;
  if (!totalResult) issues.push({ line, field: "total", reason: "is empty" });
  else if (!totalResult.ok) issues.push({ line, field: "total", reason: totalResult.reason });
  if (issues.length || !totalResult?.ok) return { ok: false, issues };
  const items = fields.get("items");
  let products: unknown = undefined;
  try {
    products = items ? JSON.parse(items) : undefined;
  } catch {
    products = items!
      .split(/[;|]/)
      .map((name) => ({ name: name.trim() }))
      .filter((p) => p.name);
  }
  const { amount, currency } = totalResult.value;
  return {
    ok: true,
    event: {
      ...base(`import:order:${orderId}`, dateResult?.ok ? dateResult.value : at),
      type: "track",
      name: ORDER_EVENT,
      traits: null,
      properties: { order_id: orderId, revenue: amount, currency, ...(products ? { products } : {}) },
      revenue: amount,
      userId,
      email,
    },
  };
}
