import { formatDate, formatDateTime, formatInteger, formatMoney } from "@/lib/format";

/** What the profiles list knows of each row, whichever columns are shown. */
export type ProfileListRow = {
  id: string;
  traits: Record<string, unknown>;
  sessions: number;
  eventCount: number;
  orders: number;
  revenue: number;
  lastOrderAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
};

type ComputedColumn = { label: string; numeric?: boolean; text: (row: ProfileListRow) => string };

/**
 * The computed values a marketer can show as columns. Their keys win over a
 * trait of the same name in `?cols=`; they are chosen not to clash with the
 * usual trait names.
 */
export const COMPUTED_COLUMNS: Record<string, ComputedColumn> = {
  sessions: { label: "Sessions", numeric: true, text: (r) => formatInteger(r.sessions) },
  events: { label: "Events", numeric: true, text: (r) => formatInteger(r.eventCount) },
  orders: { label: "Orders", numeric: true, text: (r) => formatInteger(r.orders) },
  revenue: { label: "Revenue", numeric: true, text: (r) => formatMoney(r.revenue) },
  last_order: { label: "Last order", text: (r) => (r.lastOrderAt ? formatDate(r.lastOrderAt) : "") },
  first_seen: { label: "First seen", text: (r) => formatDateTime(r.firstSeenAt) },
  last_seen: { label: "Last seen", text: (r) => formatDateTime(r.lastSeenAt) },
  rfm: {
    label: "RFM",
    text: (r) => (r.rfmRecency === null ? "" : `${r.rfmRecency}-${r.rfmFrequency ?? "?"}-${r.rfmMonetary ?? "?"}`),
  },
};

export const DEFAULT_COLUMNS = ["email", "city", "country", "orders", "last_seen"] as const;
/** More columns than this make the table unreadable, and bound the query string. */
export const MAX_COLUMNS = 20;

export const isComputedColumn = (key: string) => Object.hasOwn(COMPUTED_COLUMNS, key);

/** The header of a column: the computed value's label, or the trait key as the marketer named it. */
export function columnLabel(key: string): string {
  return isComputedColumn(key) ? COMPUTED_COLUMNS[key]!.label : key;
}

export function isNumericColumn(key: string): boolean {
  return isComputedColumn(key) && COMPUTED_COLUMNS[key]!.numeric === true;
}

/** A trait value as one line of text; empty when the profile has no such trait. */
export function traitText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

/** The text of one cell; empty when the row has no value for that column. */
export function columnText(row: ProfileListRow, key: string): string {
  return isComputedColumn(key) ? COMPUTED_COLUMNS[key]!.text(row) : traitText(row.traits[key]);
}

/** The value of `?cols=`, or null when the choice is the default one (so URLs stay short). */
export function columnsParam(columns: readonly string[]): string | null {
  const same = columns.length === DEFAULT_COLUMNS.length && columns.every((key, i) => key === DEFAULT_COLUMNS[i]);
  return same ? null : columns.join(",");
}
