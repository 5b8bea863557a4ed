import { z } from "zod";

/**
 * The kinds of value an environment variable may hold. Each takes the raw
 * text (undefined when unset; an empty value counts as unset, as in `X= npm
 * start`) and gives the typed value, or the default. An issue's message is
 * the rule alone ("a whole number ≥ 1"): parseConfig adds the variable's name
 * and the value given.
 */
const raw = z.string().optional();
const isUnset = (value: string | undefined): value is undefined | "" => value === undefined || value === "";
const range = (min: number, max: number | undefined) => (max === undefined ? `≥ ${min}` : `from ${min} to ${max}`);

function rule<T>(message: string, read: (text: string) => T | undefined, fallback: T) {
  return raw.transform((value, ctx): T => {
    if (isUnset(value)) return fallback;
    const parsed = read(value.trim());
    if (parsed !== undefined) return parsed;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

/** The whole number that `text` spells, if it is one within bounds (digits only: "1e3", "10_000", "12abc" are not). */
function whole(text: string, min: number, max: number | undefined): number | undefined {
  const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max) ? n : undefined;
}

/** A whole number within bounds. */
export function wholeNumber(fallback: number, min: number, max?: number) {
  return rule(`a whole number ${range(min, max)}`, (text) => whole(text, min, max), fallback);
}

/** A TCP port. */
export function port(fallback: number, min: number) {
  return rule(`a port ${range(min, 65_535)}`, (text) => whole(text, min, 65_535), fallback);
}

/** A TCP port, or "off". */
export function portOrOff(fallback: number, min: number) {
  return rule<number | "off">(
    `a port ${range(min, 65_535)}, or "off"`,
    (text) => (text === "off" ? "off" : whole(text, min, 65_535)),
    fallback,
  );
}

/** A schedule's period in minutes (fractions allowed); 0 or "off" turn the schedule off (null). */
export function minutesOrOff(fallback: number, max: number) {
  return rule<number | null>(
    `a number of minutes from 0 to ${max} (0 or "off": never)`,
    (text) => {
      if (text === "off") return null;
      const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (!(n <= max)) return undefined;
      return n === 0 ? null : n;
    },
    fallback,
  );
}

/** "on" or "off". */
export function onOff(fallback: "on" | "off") {
  return rule<"on" | "off">(`"on" or "off"`, (text) => (text === "on" || text === "off" ? text : undefined), fallback);
}

/** "auto", "on" or "off". */
export function autoOnOff(fallback: "auto" | "on" | "off") {
  return rule<"auto" | "on" | "off">(
    `"auto", "on" or "off"`,
    (text) => (text === "auto" || text === "on" || text === "off" ? text : undefined),
    fallback,
  );
}

/** Optional text that must match a rule (a key's marker, a URL's scheme, a length); undefined when unset. */
export function optionalText(message: string, test: (text: string) => boolean) {
  return rule<string | undefined>(message, (text) => (test(text) ? text : undefined), undefined);
}

/** Text with a default, matching a rule. */
export function text(fallback: string, message: string, test: (text: string) => boolean) {
  return rule<string>(message, (value) => (test(value) ? value : undefined), fallback);
}
