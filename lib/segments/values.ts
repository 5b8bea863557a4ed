/**
 * Value rules both interpreters share. Each function here has a SQL twin in
 * `sql-values.ts`; the parity test holds them to one meaning.
 */

/** Lower-cases A–Z only, so that JavaScript and Postgres (whatever its locale) agree. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** An ISO 8601 date or date-time, as accepted for date traits and properties. */
export const ISO_TIMESTAMP_PATTERN =
  "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,3})?)?(Z|[+-](0\\d|1[0-4]):[0-5]\\d)?)?$";
const ISO_TIMESTAMP = new RegExp(ISO_TIMESTAMP_PATTERN);
const PARTS =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))?)?$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/**
 * Milliseconds since the epoch of an ISO date or date-time string; null when
 * it is not one (wrong shape, year 0, 31 April, 24:00). Without an offset
 * the time is UTC; a date alone is its midnight UTC.
 */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value !== "string" || !ISO_TIMESTAMP.test(value)) return null;
  const m = PARTS.exec(value)!;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year === 0 || day > daysIn(year, month)) return null;
  const fraction = m[7] ? Number(m[7].padEnd(3, "0")) : 0;
  const date = new Date(
    Date.UTC(2000, month - 1, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fraction),
  );
  date.setUTCFullYear(year);
  const offset = m[9] ? (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  return date.getTime() - offset * 60_000;
}

/** Midnight UTC of a `YYYY-MM-DD` date, in ms. */
export function dayStart(isoDate: string): number {
  const ms = parseTimestamp(isoDate);
  if (ms === null) throw new Error(`Not a date: ${isoDate}`);
  return ms;
}

/** Present, not null and not the empty string. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** An exact decimal: `digits / 10^scale`. */
type Decimal = { digits: bigint; scale: number };

/** The exact decimal a JSON number or numeric string stands for (as Postgres' numeric reads it). */
export function toDecimal(value: number | string): Decimal {
  const text = typeof value === "number" ? String(value) : value;
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) throw new Error(`Not a number: ${text}`);
  const [, sign, whole = "", fraction = "", exponent = "0"] = m;
  let digits = BigInt(`${whole}${fraction}` || "0");
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === "-" ? -digits : digits, scale };
}

const rescale = (d: Decimal, scale: number) => d.digits * 10n ** BigInt(scale - d.scale);

export function addDecimals(values: Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  return { digits: values.reduce((sum, v) => sum + rescale(v, scale), 0n), scale };
}

export function multiplyDecimal(d: Decimal, by: number): Decimal {
  return { digits: d.digits * BigInt(by), scale: d.scale };
}

/** −1, 0 or 1, exactly. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
