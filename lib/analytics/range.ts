import { z } from "zod";

/**
 * The overview's date range, in the workspace's time zone: a preset that
 * ends today (today, the last 7, 30 or 90 days) or a custom range of whole
 * days, and the period it is compared with (the same number of days just
 * before, the same days a year earlier, or none). Days are local calendar
 * dates ("2026-03-29"); the instants they span, with their daylight-saving
 * changes, are the database's to compute (`day::timestamp AT TIME ZONE tz`).
 */

export const RANGE_PRESETS = ["today", "7d", "30d", "90d", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const COMPARISONS = ["previous", "year", "none"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The longest custom range (and so the longest comparison). */
export const MAX_RANGE_DAYS = 400;

const PRESET_DAYS: Record<Exclude<RangePreset, "custom">, number> = { today: 1, "7d": 7, "30d": 30, "90d": 90 };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z
  .string()
  .regex(DAY_PATTERN, "A date as YYYY-MM-DD")
  .refine((d) => !DAY_PATTERN.test(d) || d >= "2000-01-01", "From the year 2000 on")
  .refine((d) => !DAY_PATTERN.test(d) || d < "2000-01-01" || dayNumber(d) !== null, "Not a calendar date");

/** What the overview's controls (and its URL) choose; every field has a default. */
export const rangeInputSchema = z
  .object({
    preset: z.enum(RANGE_PRESETS).default("30d"),
    from: isoDay.optional(),
    to: isoDay.optional(),
    compare: z.enum(COMPARISONS).default("previous"),
  })
  .superRefine((r, ctx) => {
    if (r.preset !== "custom") return;
    if (!r.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the first day" });
    if (!r.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the last day" });
    if (!r.from || !r.to) return;
    const [from, to] = [dayNumber(r.from), dayNumber(r.to)];
    if (from === null || to === null) return;
    if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day is before the first" });
    else if (to - from + 1 > MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_RANGE_DAYS} days` });
  });
export type RangeInput = z.input<typeof rangeInputSchema>;

/** A span of whole local days, both ends included. */
export type DaySpan = { from: string; to: string; days: number };

export type ResolvedRange = DaySpan & { preset: RangePreset; compare: Comparison; comparison: DaySpan | null };

/** Days since 1970-01-01 of a calendar date, or null when it is not one (2026-02-30). */
export function dayNumber(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** The calendar date `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day)! + n) * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar date an instant falls on in a time zone ("2026-03-29"). */
export function localDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The same calendar date a year earlier (29 February → 28 February). */
function yearEarlier(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const year = String(y - 1).padStart(4, "0");
  const candidate = `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return dayNumber(candidate) === null ? `${year}-02-28` : candidate;
}

/**
 * The days a choice spans, as of `now` in `timeZone`: a preset of N days ends
 * today (local) and starts N − 1 days before; a custom range is as given.
 * The comparison: "previous" is the N days just before, "year" the same
 * dates a year earlier (as long as the range), "none" nothing.
 */
export function resolveRange(input: z.output<typeof rangeInputSchema>, now: Date, timeZone: string): ResolvedRange {
  const today = localDay(now, timeZone);
  const span: DaySpan =
    input.preset === "custom"
      ? { from: input.from!, to: input.to!, days: dayNumber(input.to!)! - dayNumber(input.from!)! + 1 }
      : { from: addDays(today, 1 - PRESET_DAYS[input.preset]), to: today, days: PRESET_DAYS[input.preset] };
  const comparison: DaySpan | null =
    input.compare === "none"
      ? null
      : input.compare === "previous"
        ? { from: addDays(span.from, -span.days), to: addDays(span.from, -1), days: span.days }
        : (() => {
            // both ends a year earlier, so each date keeps its calendar date (a span over 29 February is a day longer)
            const [from, to] = [yearEarlier(span.from), yearEarlier(span.to)];
            return { from, to, days: dayNumber(to)! - dayNumber(from)! + 1 };
          })();
  return { ...span, preset: input.preset, compare: input.compare, comparison };
}

/** Every day of a span, in order. */
export function daysOf(span: DaySpan): string[] {
  return Array.from({ length: span.days }, (_, i) => addDays(span.from, i));
}
