/** Formatters by currency code: building an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<string, Intl.NumberFormat>();

const CURRENCY_CODE = /^[A-Z]{3}$/;
const NUMERIC_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/** The formatter of an ISO 4217 code (any case), or null when `currency` is not one. */
export function currencyFormatter(currency: unknown): Intl.NumberFormat | null {
  if (typeof currency !== "string") return null;
  const code = currency.trim().toUpperCase();
  if (!CURRENCY_CODE.test(code)) return null;
  let formatter = formatters.get(code);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    } catch {
      return null;
    }
    formatters.set(code, formatter);
  }
  return formatter;
}

/** A number, or numeric text such as "249.5" (traits imported from CSV are text); else null. */
export function toAmount(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && NUMERIC_TEXT.test(value)) return Number(value);
  return null;
}

/**
 * An amount as money, the way en-US writes it: `formatMoney(249.5)` is
 * "$249.50", `formatMoney(1234.5, "EUR")` is "€1,234.50". Not a number, or not
 * a currency code: "".
 */
export function formatMoney(value: unknown, currency: unknown = "USD"): string {
  const amount = toAmount(value);
  const formatter = currencyFormatter(currency);
  return amount === null || formatter === null ? "" : formatter.format(amount);
}
