import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { EARLIEST_EVENT_TIME, LATEST_EVENT_TIME, MAX_EVENT_REVENUE, TIME_RANGE } from "@/lib/events/limits";
import { normalizeEmail } from "@/lib/identity/normalize";

countries.registerLocale(english);

/** An order number as exports write it (#1001 in Shopify's `Name` column): never a person's name. */
export const ORDER_NUMBER = /^#\d+$/;

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const no = (reason: string): Result<never> => ({ ok: false, reason });

/** A plausible email, trimmed and lower-cased. */
export function emailValue(raw: string): Result<string> {
  const email = normalizeEmail(raw);
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254
    ? ok(email)
    : no(`“${raw}” is not an email address`);
}

/** A phone number in E.164, read with the row's (or the file's) country when it has no international prefix. */
export function phoneValue(raw: string, country?: string): Result<string> {
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode | undefined);
  if (!parsed?.isValid())
    return no(
      country
        ? `“${raw}” is not a valid phone number for ${country}`
        : `“${raw}” is not a valid phone number (add the country prefix, e.g. +44, or set a default country)`,
    );
  return ok(parsed.number);
}

/** A country as ISO 3166-1 alpha-2, from a code (FR, FRA) or an English name (France). */
export function countryValue(raw: string): Result<string> {
  const value = raw.trim();
  const code =
    value.length === 2
      ? value.toUpperCase()
      : value.length === 3
        ? countries.alpha3ToAlpha2(value.toUpperCase())
        : countries.getAlpha2Code(value, "en");
  return code && countries.isValid(code) ? ok(code) : no(`“${raw}” is not a country`);
}

/** A cell without the apostrophe spreadsheets put before digits to keep them text (Shopify's `'7024931815583`). */
export function cellValue(raw: string): string {
  const value = raw.trim();
  return /^'[+\d]/.test(value) ? value.slice(1) : value;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const TIME = String.raw`(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?`;
const ZONE = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}${ZONE}$`);
const SLASHED_DATE = new RegExp(String.raw`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})${TIME}${ZONE}$`);
const NAMED_DATE = new RegExp(String.raw`^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})${TIME}${ZONE}$`);

/** The instant of a local date and time in a zone written as Z, UTC, GMT, +05:00 or -0500; null when impossible. */
function instant(y: string, m: string, d: string, time: (string | undefined)[], zone = "Z"): Date | null {
  const [h = "0", min = "0", sec = "0", meridiem] = time;
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  }
  if (hour > 23 || Number(min) > 59 || Number(sec) > 59) return null;
  const offset = /^[+-]/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(-2)}` : "Z";
  const pad = (n: string | number) => String(n).padStart(2, "0");
  const date = new Date(`${y}-${pad(m)}-${pad(d)}T${pad(hour)}:${pad(min)}:${pad(sec)}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // the calendar date as written must exist (2026-02-30 is refused, not rolled over)
  const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(m) - 1 ? date : null;
}

/**
 * A date, with or without a time (with or without seconds, 24-hour or AM/PM) and a zone (Z, UTC, +02:00,
 * -0500): ISO 8601 with `T` or a space (2026-03-04 14:21:55 -0500, as Shopify writes), slashes or dots in
 * the file's day/month order (04/03/2026 14:21), or a month name (Mar 4, 2026 2:21:55 PM, as Magento's
 * grids write). A date without a zone is read as UTC.
 */
export function dateValue(raw: string, order: "dmy" | "mdy"): Result<Date> {
  const value = raw.trim();
  let date: Date | null = null;
  const iso = ISO_DATE.exec(value);
  const slashed = SLASHED_DATE.exec(value);
  const named = NAMED_DATE.exec(value);
  if (iso) date = instant(iso[1]!, iso[2]!, iso[3]!, iso.slice(4, 8), iso[8]);
  else if (slashed) {
    const [a, b] = [slashed[1]!, slashed[2]!];
    const [d, m] = order === "dmy" ? [a, b] : [b, a];
    date = instant(slashed[3]!, m, d, slashed.slice(4, 8), slashed[8]);
  } else if (named) {
    const month = MONTHS.indexOf(named[1]!.toLowerCase()) + 1;
    if (month > 0) date = instant(named[3]!, String(month), named[2]!, named.slice(4, 8), named[8]);
  }
  if (!date) return no(`“${raw}” is not a date (use 2026-03-04 or ${order === "dmy" ? "04/03/2026" : "03/04/2026"})`);
  if (date.getTime() < EARLIEST_EVENT_TIME || date.getTime() > LATEST_EVENT_TIME)
    return no(`“${raw}” is not ${TIME_RANGE}`);
  return ok(date);
}

/** How a file writes decimals: 1,234.50 (point) or 1.234,50 (comma). */
export type DecimalMark = "point" | "comma";

/**
 * A number written in the file's convention: digits with an optional decimal part and, for the integer
 * part, optional groups of three (1,234.50 or 1 234.50 with a point; 1.234,50 or 1 234,50 with a comma).
 * A value that only fits the other convention (1.234,50 in a point file) is refused, never misread.
 */
export function numberValue(raw: string, decimal: DecimalMark): Result<number> {
  const text = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  const [group, mark] = decimal === "point" ? [",", "."] : [".", ","];
  const g = group === "." ? "\\." : ",";
  const m = mark === "." ? "\\." : ",";
  const pattern = new RegExp(`^-?(\\d+|\\d{1,3}(${g}\\d{3})+)(${m}\\d+)?$`);
  if (!pattern.test(text))
    return no(
      `“${raw}” is not a number written ${decimal === "point" ? "1,234.50" : "1.234,50"} (as the file's others)`,
    );
  return ok(Number(text.split(group).join("").replace(mark, ".")));
}

/**
 * How a file writes decimals, from sample amounts: a separator followed by one or two digits at the end is
 * decimal (12.5, 9,99); one followed by three digits and the other mark settles it (1.234,50); "1,234" alone
 * decides nothing. Null when the samples disagree or decide nothing (the wizard then asks).
 */
export function detectDecimalMark(samples: string[]): DecimalMark | null {
  const votes = { point: 0, comma: 0 };
  for (const raw of samples) {
    const text = raw.replace(/[^\d.,-]/g, "");
    if (/\.\d{1,2}$/.test(text) || /,\d{3}\./.test(text) || /\.\d{4,}$/.test(text)) votes.point += 1;
    else if (/,\d{1,2}$/.test(text) || /\.\d{3},/.test(text) || /,\d{4,}$/.test(text)) votes.comma += 1;
  }
  if (votes.point > 0 && votes.comma === 0) return "point";
  if (votes.comma > 0 && votes.point === 0) return "comma";
  return null;
}

const SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };

/**
 * A money amount and its currency in the file's decimal convention: "1,234.50", "$12", "12.00 EUR",
 * "€9,99" (comma files). A symbol or code in the value wins over the file's default currency.
 */
export function amountValue(
  raw: string,
  defaultCurrency: string,
  decimal: DecimalMark = "point",
): Result<{ amount: number; currency: string }> {
  let currency = defaultCurrency;
  let text = raw.trim();
  const code = /\b([A-Za-z]{3})\b/.exec(text);
  if (code) {
    currency = code[1]!.toUpperCase();
    text = text.replace(code[0], "");
  }
  for (const [symbol, iso] of Object.entries(SYMBOLS))
    if (text.includes(symbol)) [currency, text] = [iso, text.replace(symbol, "")];
  const number = numberValue(text, decimal);
  if (!number.ok) return no(number.reason.replace(`“${text.trim()}”`, `“${raw}”`));
  const amount = number.value;
  if (Math.abs(amount) > MAX_EVENT_REVENUE)
    return no(`“${raw}” is more than ${MAX_EVENT_REVENUE.toLocaleString("en-US")}`);
  if (!currencyValue(currency).ok) return no(`“${currency}” is not a currency code`);
  return ok({ amount: Math.round(amount * 100) / 100, currency });
}

/** Yes or no as files write it: yes/no, true/false, y/n, 1/0. */
export function booleanValue(raw: string): Result<boolean> {
  const value = raw.trim().toLowerCase();
  if (["yes", "true", "y", "1"].includes(value)) return ok(true);
  if (["no", "false", "n", "0"].includes(value)) return ok(false);
  return no(`“${raw}” is not yes or no`);
}

const CONSENT_WORDS: Record<string, boolean | null> = {
  subscribed: true,
  "opted in": true,
  "opted-in": true,
  unsubscribed: false,
  "not subscribed": false,
  "never subscribed": false,
  never_subscribed: false,
  "non-subscribed": false,
  cleaned: false,
  "opted out": false,
  "opted-out": false,
  pending: null,
  transactional: null,
};

/**
 * A marketing-consent cell: yes/no (Shopify's `Accepts Email Marketing`), a subscription status (Mailchimp's
 * and Klaviyo's subscribed, unsubscribed, never subscribed, cleaned). Null: the cell states nothing
 * (pending, transactional only).
 */
export function consentValue(raw: string): Result<boolean | null> {
  const word = raw.trim().toLowerCase().replace(/_/g, " ");
  if (word in CONSENT_WORDS) return ok(CONSENT_WORDS[word]!);
  if (word.replace(/ /g, "_") in CONSENT_WORDS) return ok(CONSENT_WORDS[word.replace(/ /g, "_")]!);
  const yes = booleanValue(word);
  return yes.ok ? yes : no(`“${raw}” is neither yes/no nor a subscription status`);
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 currency code. */
export function currencyValue(raw: string): Result<string> {
  const code = raw.trim().toUpperCase();
  return CURRENCIES.has(code) ? ok(code) : no(`“${raw}” is not a currency code`);
}
