import { z } from "zod";
import type { VisitContext } from "@/lib/segments/state";
import { isTimeZone } from "./zoned-time";

const text = (max: number) => z.string().max(max).optional();

/** The bounds of the decide body, for its schema and its hand-written reading (plain-body.ts). */
export const DECIDE_LIMITS = {
  /** Longest id, and longest text of each plain context field. */
  ids: { anonymousId: 200, userId: 200, userHash: 128 },
  contextText: { url: 2_000, path: 2_000, referrer: 2_000, userAgent: 1_000, locale: 35 },
  timezone: 64,
  placementKey: 100,
  placements: 50,
  experimentKey: 64,
  experiments: 50,
} as const;
export const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const { ids, contextText } = DECIDE_LIMITS;

/** The body of POST /api/v1/decide. */
export const decideBodySchema = z
  .object({
    anonymousId: text(ids.anonymousId),
    userId: text(ids.userId),
    /** HMAC-SHA256 of userId under an identity secret, made by the storefront's server: with a client key, userId counts only with it. */
    userHash: text(ids.userHash),
    /** The client created this anonymousId just now (there was no cookie): no profile can exist for it, so none is read. */
    newVisitor: z.boolean().optional(),
    context: z
      .object({
        url: text(contextText.url),
        path: text(contextText.path),
        referrer: text(contextText.referrer),
        userAgent: text(contextText.userAgent),
        locale: text(contextText.locale),
        country: z.string().regex(COUNTRY_CODE, "A two-letter country code").optional(),
        /** The visitor's IANA time zone (e.g. from Intl in the browser): local hour and weekday are read in it. */
        timezone: z.string().max(DECIDE_LIMITS.timezone).refine(isTimeZone, "Not a known time zone").optional(),
        utm: z
          .object({ source: text(200), medium: text(200), campaign: text(200), term: text(200), content: text(200) })
          .partial()
          .optional(),
      })
      .default({}),
    placements: z
      .array(z.string().trim().min(1).max(DECIDE_LIMITS.placementKey))
      .max(DECIDE_LIMITS.placements, `At most ${DECIDE_LIMITS.placements} placements per call`)
      .default([]),
    /** Flag experiments the storefront's code reads, by key: the answer's `experiments` says each one's variation and value. */
    experiments: z
      .array(z.string().trim().min(1).max(DECIDE_LIMITS.experimentKey))
      .max(DECIDE_LIMITS.experiments, `At most ${DECIDE_LIMITS.experiments} experiments per call`)
      .optional(),
    /** A marketer's preview link token (`?pz_preview=`): shows one experiment's variation; nothing is recorded. */
    preview: z.string().max(600).optional(),
    /** Traits for this decision only; with a client key, only the workspace's request traits count. */
    traits: z.record(z.string().max(120), z.unknown()).optional(),
  })
  .refine((b) => b.placements.length > 0 || (b.experiments?.length ?? 0) > 0, {
    path: ["placements"],
    message: "Ask for at least one placement (or flag experiment)",
  });
export type DecideBody = z.infer<typeof decideBodySchema>;

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** desktop, mobile or tablet, from a user agent (tablets first: their agents also say "Mobile"). */
export function deviceOf(userAgent: string | undefined): string | undefined {
  if (!userAgent) return undefined;
  if (/iPad|Tablet|PlayBook|Silk|(Android(?!.*Mobile))/i.test(userAgent)) return "tablet";
  if (/Mobi|iPhone|iPod|Android|BlackBerry|Opera Mini|IEMobile/i.test(userAgent)) return "mobile";
  return "desktop";
}

/** Paths of recently seen URLs: a storefront sends the same few pages over and over, and parsing a URL costs more than the rest of the context. */
const paths = new Map<string, string | undefined>();
function pathOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (paths.has(url)) return paths.get(url);
  let path: string | undefined;
  try {
    path = new URL(url).pathname;
  } catch {
    path = undefined;
  }
  if (paths.size >= 2_000) paths.clear(); // bounded: a burst of distinct URLs only costs a re-parse
  paths.set(url, path);
  return path;
}

/** One formatter per time zone: making one costs far more than using it (a decision's hot path). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", weekday: "short" });
    if (formatters.size < 1_000) formatters.set(timeZone, formatter); // zones are validated, but stay bounded
  }
  return formatter;
}

/**
 * Local hour (0–23) and weekday of an instant in a time zone (UTC when none
 * is given). Every zone's offset is a multiple of 15 minutes and changes only
 * at such a boundary, so the answer holds for the whole UTC quarter hour and
 * is kept for it (one entry per zone).
 */
const QUARTER_MS = 15 * 60_000;
const localTimes = new Map<string, { quarter: number; value: { localHour: number; weekday: string } }>();
function localTime(now: number, timeZone = "UTC"): { localHour: number; weekday: string } {
  const quarter = Math.floor(now / QUARTER_MS);
  const hit = localTimes.get(timeZone);
  if (hit?.quarter === quarter) return hit.value;
  const parts = formatterFor(timeZone).formatToParts(new Date(now));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = WEEKDAYS.find((d) => d.startsWith(get("weekday").toLowerCase())) ?? "";
  const value = { localHour: Number(get("hour")), weekday };
  if (localTimes.size < 1_000 || hit) localTimes.set(timeZone, { quarter, value });
  return value;
}

/** What the segment rules' context conditions read, from the request (and the country header of a CDN when the body has none). */
export function visitContextOf(
  body: DecideBody,
  options: { now: number; countryHeader?: string | null; returning: boolean },
): VisitContext {
  const c = body.context;
  return {
    url: c.url,
    path: c.path ?? pathOf(c.url),
    referrer: c.referrer,
    utmSource: c.utm?.source,
    utmMedium: c.utm?.medium,
    utmCampaign: c.utm?.campaign,
    device: deviceOf(c.userAgent),
    country: (c.country ?? options.countryHeader ?? undefined)?.toUpperCase(),
    ...localTime(options.now, c.timezone),
    visitor: options.returning ? "returning" : "new",
  };
}
