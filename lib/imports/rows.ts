import { createHash } from "node:crypto";
import { unstorableReason } from "@/lib/json/storable";
import type { NormalizedEvent } from "@/lib/events/normalize";
import type { ImportIssue, ImportMapping, TraitType } from "./schema";
import {
  booleanValue,
  cellValue,
  consentValue,
  countryValue,
  dateValue,
  emailValue,
  numberValue,
  ORDER_NUMBER,
  phoneValue,
  type DecimalMark,
} from "./values";

export type RowResult = { ok: true; event: NormalizedEvent } | { ok: false; issues: ImportIssue[] };
type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A trait cell read as its column's type: every row of a column gives the same type, or is refused. */
function traitValue(raw: string, type: TraitType, mapping: ImportMapping): Result<unknown> {
  if (type === "number") return numberValue(raw, mapping.decimal as DecimalMark);
  if (type === "boolean") return booleanValue(raw);
  if (type === "date") {
    const date = dateValue(raw, mapping.dateOrder);
    return date.ok ? { ok: true, value: date.value.toISOString() } : date;
  }
  return { ok: true, value: raw };
}

/** The row's non-empty cells by mapped field (without a spreadsheet's leading apostrophe), and their columns. */
export function fieldsOf(record: Record<string, string>, mapping: ImportMapping): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping.columns)) {
    const raw = record[column] === undefined ? "" : cellValue(record[column]);
    if (field !== "ignore" && raw) fields.set(field, raw);
  }
  return fields;
}

/** Cells Postgres cannot store (U+0000), each an issue of the row. */
export const unstorableIssues = (fields: Map<string, string>, line: number): ImportIssue[] =>
  [...fields].flatMap(([field, raw]) => {
    const reason = unstorableReason(raw);
    return reason ? [{ line, field, reason }] : [];
  });

/** A row's event as stored by a workspace that keeps no plain emails and phones (they stay as hashed identities). */
export function withoutPlainPii(event: NormalizedEvent, storePlainPii: boolean): NormalizedEvent {
  if (storePlainPii || !event.traits) return event;
  const { email: _email, phone: _phone, ...traits } = event.traits;
  return { ...event, traits };
}

export const importEventBase = (
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

const NAME_FIELDS = ["name", "first_name", "last_name"];

/**
 * A customers row → an identify ("Customer Imported") carrying its traits, identities and marketing
 * consent, or the reasons it cannot be. The messageId is a digest of the normalized row, so importing the
 * same file again stores nothing new.
 */
export function customerRow(record: Record<string, string>, mapping: ImportMapping, line: number, at: Date): RowResult {
  const fields = fieldsOf(record, mapping);
  const unstorable = unstorableIssues(fields, line);
  if (unstorable.length) return { ok: false, issues: unstorable };
  const issues: ImportIssue[] = [];
  const traits: Record<string, unknown> = {};
  const check = <T>(field: string, result: Result<T>) => {
    if (result.ok) return result.value;
    issues.push({ line, field, reason: result.reason });
    return undefined;
  };
  for (const field of NAME_FIELDS)
    if (ORDER_NUMBER.test(fields.get(field) ?? ""))
      issues.push({
        line,
        field,
        reason: `“${fields.get(field)}” looks like an order number, not a name: is this an orders file?`,
      });
  const country = fields.has("country") ? check("country", countryValue(fields.get("country")!)) : undefined;
  const email = fields.has("email") ? check("email", emailValue(fields.get("email")!)) : undefined;
  const phone = fields.has("phone")
    ? check("phone", phoneValue(fields.get("phone")!, country ?? mapping.defaultCountry))
    : undefined;
  const consentCell = fields.has("marketing_consent")
    ? check("marketing_consent", consentValue(fields.get("marketing_consent")!))
    : undefined;
  const marketing =
    consentCell !== undefined && consentCell !== null
      ? consentCell
      : mapping.marketingConsent
        ? mapping.marketingConsent === "granted"
        : undefined;
  const userId = fields.get("user_id");
  for (const [column, target] of Object.entries(mapping.columns)) {
    const raw = fields.get(target);
    if (!target.startsWith("trait:") || raw === undefined) continue;
    const typed = check(target, traitValue(raw, mapping.traitTypes[column] ?? "text", mapping));
    if (typed !== undefined) traits[target.slice(6)] = typed;
  }
  if (!email && !phone && !userId && issues.length === 0)
    issues.push({ line, field: "email", reason: "the row has no email, phone or user_id to identify the customer" });
  if (issues.length) return { ok: false, issues };
  const [first, ...rest] = (fields.get("name") ?? "").split(/\s+/);
  const firstName = fields.get("first_name") ?? (first || undefined);
  const lastName = fields.get("last_name") ?? (rest.length ? rest.join(" ") : undefined);
  Object.assign(traits, {
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(firstName ? { first_name: firstName } : {}),
    ...(lastName ? { last_name: lastName } : {}),
    ...(country ? { country } : {}),
    ...Object.fromEntries(
      (["city", "region", "postal_code", "company"] as const).flatMap((f) =>
        fields.has(f) ? [[f, fields.get(f)]] : [],
      ),
    ),
  });
  const consent = marketing === undefined ? null : { marketing };
  return {
    ok: true,
    event: {
      ...importEventBase(`import:customer:${digest(consent ? [userId, traits, consent] : [userId, traits])}`, at),
      type: "identify",
      name: "Customer Imported",
      traits,
      properties: {},
      consent,
      userId,
      email,
      phone,
    },
  };
}
