import { describe, expect, it } from "vitest";
import {
  amountValue,
  booleanValue,
  cellValue,
  consentValue,
  countryValue,
  currencyValue,
  dateValue,
  detectDecimalMark,
  emailValue,
  numberValue,
  phoneValue,
} from "./values";

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `ERR ${r.reason}`);

describe("import value normalization", () => {
  it("emails", () => {
    expect(value(emailValue("  Ada@Example.COM "))).toBe("ada@example.com");
    expect(value(emailValue("ada@"))).toMatch(/^ERR/);
  });
  it("phones, with the row's country when there is no prefix", () => {
    expect(value(phoneValue("+44 20 7946 0958"))).toBe("+442079460958");
    expect(value(phoneValue("020 7946 0958", "GB"))).toBe("+442079460958");
    expect(value(phoneValue("06 12 34 56 78", "FR"))).toBe("+33612345678");
    expect(value(phoneValue("020 7946 0958"))).toMatch(/^ERR.*country prefix/);
  });
  it("countries by code or name", () => {
    expect(value(countryValue("fr"))).toBe("FR");
    expect(value(countryValue("DEU"))).toBe("DE");
    expect(value(countryValue("United Kingdom"))).toBe("GB");
    expect(value(countryValue("Atlantis"))).toMatch(/^ERR/);
  });
  it("dates: ISO, and slashes in the file's order; impossible dates refused", () => {
    expect(value(dateValue("2026-03-04", "dmy"))).toEqual(new Date("2026-03-04T00:00:00Z"));
    expect(value(dateValue("2026-03-04 10:30", "dmy"))).toEqual(new Date("2026-03-04T10:30:00Z"));
    expect(value(dateValue("2026-03-04T10:30:00+02:00", "dmy"))).toEqual(new Date("2026-03-04T08:30:00Z"));
    expect(value(dateValue("04/03/2026", "dmy"))).toEqual(new Date("2026-03-04T00:00:00Z"));
    expect(value(dateValue("04/03/2026", "mdy"))).toEqual(new Date("2026-04-03T00:00:00Z"));
    expect(value(dateValue("31/02/2026", "dmy"))).toMatch(/^ERR/);
    expect(value(dateValue("2026-02-30", "dmy"))).toMatch(/^ERR/);
    expect(value(dateValue("2026-13-01", "dmy"))).toMatch(/^ERR/);
    expect(value(dateValue("soon", "dmy"))).toMatch(/^ERR/);
    // only what Postgres stores and ISO writes with four digits: 1900 to 9999
    expect(value(dateValue("0000-01-01", "dmy"))).toMatch(/^ERR.*between the years 1900 and 9999/);
    expect(value(dateValue("01/01/1899", "dmy"))).toMatch(/^ERR.*between the years 1900 and 9999/);
    expect(value(dateValue("1900-01-01", "dmy"))).toEqual(new Date("1900-01-01T00:00:00Z"));
    expect(value(dateValue("9999-12-31T23:59:59Z", "dmy"))).toEqual(new Date("9999-12-31T23:59:59Z"));
  });
  it("dates as the platforms export them: a numeric offset after a space, no seconds, AM/PM, a month name", () => {
    // Shopify's orders export
    expect(value(dateValue("2024-03-05 14:21:55 -0500", "dmy"))).toEqual(new Date("2024-03-05T19:21:55Z"));
    expect(value(dateValue("2024-03-05T14:21:55-05:00", "dmy"))).toEqual(new Date("2024-03-05T19:21:55Z"));
    expect(value(dateValue("2024-03-05 14:21 +0530", "dmy"))).toEqual(new Date("2024-03-05T08:51:00Z"));
    expect(value(dateValue("2024-03-05 14:21:55 UTC", "dmy"))).toEqual(new Date("2024-03-05T14:21:55Z"));
    expect(value(dateValue("05/03/2024 14:21", "dmy"))).toEqual(new Date("2024-03-05T14:21:00Z"));
    expect(value(dateValue("3/5/2024 2:21 PM", "mdy"))).toEqual(new Date("2024-03-05T14:21:00Z"));
    // Magento's grids
    expect(value(dateValue("Mar 5, 2024 2:21:55 PM", "dmy"))).toEqual(new Date("2024-03-05T14:21:55Z"));
    expect(value(dateValue("Mar 5, 2024 12:01:00 AM", "dmy"))).toEqual(new Date("2024-03-05T00:01:00Z"));
    expect(value(dateValue("Feb 30, 2024", "dmy"))).toMatch(/^ERR/);
    expect(value(dateValue("2024-03-05 25:00", "dmy"))).toMatch(/^ERR/);
    expect(value(dateValue("2024-03-05 13:00 PM", "dmy"))).toMatch(/^ERR/);
  });
  it("cells without the apostrophe that keeps spreadsheets from reading them as numbers", () => {
    expect(cellValue("'7024931815583")).toBe("7024931815583");
    expect(cellValue("'+14155550100")).toBe("+14155550100");
    expect(cellValue("O'Brien")).toBe("O'Brien");
    expect(cellValue("'quoted'")).toBe("'quoted'");
  });
  it("numbers in the file's decimal convention, the other one refused rather than misread", () => {
    expect(value(numberValue("2,310.00", "point"))).toBe(2310);
    expect(value(numberValue("1250.5", "point"))).toBe(1250.5);
    expect(value(numberValue("1 234.5", "point"))).toBe(1234.5);
    expect(value(numberValue("1.234,50", "comma"))).toBe(1234.5);
    expect(value(numberValue("9,99", "comma"))).toBe(9.99);
    expect(value(numberValue("-12", "comma"))).toBe(-12);
    expect(value(numberValue("1.234,50", "point"))).toMatch(/^ERR.*1,234\.50/);
    expect(value(numberValue("12,5", "point"))).toMatch(/^ERR/);
    expect(value(numberValue("1250.5", "comma"))).toMatch(/^ERR/);
    expect(value(numberValue("1,2,3", "point"))).toMatch(/^ERR/);
  });
  it("the decimal convention of a file's amounts, or none when they do not say", () => {
    expect(detectDecimalMark(["1250.5", "2,310.00", "12"])).toBe("point");
    expect(detectDecimalMark(["1.250,50", "9,99"])).toBe("comma");
    expect(detectDecimalMark(["1,234", "12"])).toBeNull();
    expect(detectDecimalMark(["1.5", "9,99"])).toBeNull();
    expect(detectDecimalMark([])).toBeNull();
  });
  it("yes/no cells and marketing consent as exports write it", () => {
    expect(value(booleanValue("Yes"))).toBe(true);
    expect(value(booleanValue("0"))).toBe(false);
    expect(value(booleanValue("maybe"))).toMatch(/^ERR/);
    expect(value(consentValue("yes"))).toBe(true);
    expect(value(consentValue("no"))).toBe(false);
    expect(value(consentValue("SUBSCRIBED"))).toBe(true);
    expect(value(consentValue("NEVER_SUBSCRIBED"))).toBe(false);
    expect(value(consentValue("Unsubscribed"))).toBe(false);
    expect(value(consentValue("cleaned"))).toBe(false);
    expect(value(consentValue("pending"))).toBeNull();
    expect(value(consentValue("perhaps"))).toMatch(/^ERR/);
  });
  it("amounts with symbols, codes and both decimal styles", () => {
    expect(value(amountValue("1,234.50", "USD"))).toEqual({ amount: 1234.5, currency: "USD" });
    expect(value(amountValue("1.234,50 EUR", "USD", "comma"))).toEqual({ amount: 1234.5, currency: "EUR" });
    expect(value(amountValue("€9,99", "USD", "comma"))).toEqual({ amount: 9.99, currency: "EUR" });
    expect(value(amountValue("€9,99", "USD", "point"))).toMatch(/^ERR.*“€9,99”/);
    expect(value(amountValue("£12", "USD"))).toEqual({ amount: 12, currency: "GBP" });
    expect(value(amountValue("12 XYZ", "USD"))).toMatch(/^ERR.*currency/);
    expect(value(amountValue("twelve", "USD"))).toMatch(/^ERR/);
    expect(value(amountValue("1,000,000,000", "USD"))).toEqual({ amount: 1e9, currency: "USD" });
    expect(value(amountValue("1,000,000,000.01", "USD"))).toMatch(/^ERR.*more than 1,000,000,000/); // the profiles' totals hold up to 10^12
  });
  it("currencies", () => {
    expect(value(currencyValue("eur"))).toBe("EUR");
    expect(value(currencyValue("EURO"))).toMatch(/^ERR/);
  });
});
