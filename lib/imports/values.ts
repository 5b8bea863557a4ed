import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { EARLIEST_EVENT_TIME, LATEST_EVENT_TIME, MAX_EVENT_REVENUE, TIME_RANGE } from "@/lib/events/limits";
import { normalizeEmail } from "@/lib/identity/normalize";

countries.registerLocale(english);

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

/**
 * A date: ISO 8601 (2026-03-04, 2026-03-04T10:00:00Z, 2026-03-04 10:00) or
 * with slashes/dots in the file's day/month order (04/03/2026). Dates without
 * a time zone are read as UTC.
 */
export function dateValue(raw: string, order: "dmy" | "mdy"): Result<Date> {
  const value = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value,
  );
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  let date: Date | null = null;
  if (iso) {
    const [, y, m, d, hh = "00", mm = "00", ss = "00", zone = "Z"] = iso;
    date = new Date(
      `${y}-${m}-${d}T${hh}:${mm}:${ss}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
    );
    if (Number.isNaN(date.getTime()) || (zone === "Z" && date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`))
      date = null;
  } else if (slashed) {
    const [, a, b, y] = slashed;
    const [d, m] = order === "dmy" ? [a!, b!] : [b!, a!];
    const text = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    date = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) date = null;
  }
  if (!date || Number.isNaN(date.getTime()))
    return no(`“${raw}” is not a date (use 2026-03-04 or ${order === "dmy" ? "04/03/2026" : "03/04/2026"})`);
  if (date.getTime() < EARLIEST_EVENT_TIME || date.getTime() > LATEST_EVENT_TIME)
    return no(`“${raw}” is not ${TIME_RANGE}`);
  return ok(date);
}

/**
 * A money amount and its currency: "1,234.50", "1.234,50", "$12", "12.00 EUR",
 * "€9,99". A symbol or code in the value wins over the file's default currency.
 */
export function amountValue(raw: string, defaultCurrency: string): Result<{ amount: number; currency: string }> {
  const symbols: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };
  let currency = defaultCurrency;
  let text = raw.trim();
  const code = /\b([A-Za-z]{3})\b/.exec(text);
  if (code) {
    currency = code[1]!.toUpperCase();
    text = text.replace(code[0], "");
  }
  for (const [symbol, iso] of Object.entries(symbols))
    if (text.includes(symbol)) [currency, text] = [iso, text.replace(symbol, "")];
  text = text.replace(/\s/g, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) || /^-?\d+,\d{1,2}$/.test(text))
    text = text.replace(/\./g, "").replace(",", ".");
  else text = text.replace(/,/g, "");
  const amount = Number(text);
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(amount)) return no(`“${raw}” is not an amount`);
  if (Math.abs(amount) > MAX_EVENT_REVENUE)
    return no(`“${raw}” is more than ${MAX_EVENT_REVENUE.toLocaleString("en-US")}`);
  if (!currencyValue(currency).ok) return no(`“${currency}” is not a currency code`);
  return ok({ amount: Math.round(amount * 100) / 100, currency });
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 currency code. */
export function currencyValue(raw: string): Result<string> {
  const code = raw.trim().toUpperCase();
  return CURRENCIES.has(code) ? ok(code) : no(`“${raw}” is not a currency code`);
}
