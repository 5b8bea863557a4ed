import { describe, expect, it } from "vitest";
import { amountValue, countryValue, currencyValue, dateValue, emailValue, phoneValue } from "./values";

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
  it("amounts with symbols, codes and both decimal styles", () => {
    expect(value(amountValue("1,234.50", "USD"))).toEqual({ amount: 1234.5, currency: "USD" });
    expect(value(amountValue("1.234,50 EUR", "USD"))).toEqual({ amount: 1234.5, currency: "EUR" });
    expect(value(amountValue("€9,99", "USD"))).toEqual({ amount: 9.99, currency: "EUR" });
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
