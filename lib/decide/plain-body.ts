import type { DecideBody } from "./request";
import { isTimeZone } from "./zoned-time";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const textUpTo = (value: unknown, max: number): value is string => typeof value === "string" && value.length <= max;
const COUNTRY = /^[A-Za-z]{2}$/;

/** The context when it holds only plain fields that `decideBodySchema` accepts as they are; else null. */
function plainContext(context: Json): DecideBody["context"] | null {
  const out: DecideBody["context"] = {};
  for (const key in context) {
    const value = context[key];
    switch (key) {
      case "url":
      case "path":
      case "referrer":
        if (!textUpTo(value, 2_000)) return null;
        out[key] = value;
        break;
      case "userAgent":
        if (!textUpTo(value, 1_000)) return null;
        out.userAgent = value;
        break;
      case "locale":
        if (!textUpTo(value, 35)) return null;
        out.locale = value;
        break;
      case "country":
        if (typeof value !== "string" || !COUNTRY.test(value)) return null;
        out.country = value;
        break;
      case "timezone":
        if (!textUpTo(value, 64) || !isTimeZone(value)) return null;
        out.timezone = value;
        break;
      default:
        return null; // utm, or a field the schema drops
    }
  }
  return out;
}

/** The placements, trimmed, when every one is text of 1–100 characters and there are 1–50; else null. */
function plainPlacements(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > 50) return null;
  const placements: string[] = [];
  for (const item of value) {
    if (typeof item !== "string") return null;
    const key = item.trim();
    if (key.length < 1 || key.length > 100) return null;
    placements.push(key);
  }
  return placements;
}

/**
 * The decide body exactly as `decideBodySchema` reads it, for the shape
 * storefronts send on every page (ids, a plain context, placements), checked
 * by hand: zod costed about a tenth of a decision (bench/decide). Null for
 * anything else (traits, UTM fields, a field the schema drops, any bad
 * value): the schema then reads it, with its output and its error messages.
 * A property test holds both to the same answers. Pure.
 */
export function plainDecideBody(json: unknown): DecideBody | null {
  if (!isObject(json)) return null;
  const out: Partial<DecideBody> = {};
  for (const key in json) {
    const value = json[key];
    switch (key) {
      case "anonymousId":
      case "userId":
        if (!textUpTo(value, 200)) return null;
        out[key] = value;
        break;
      case "newVisitor":
        if (typeof value !== "boolean") return null;
        out.newVisitor = value;
        break;
      case "context": {
        const context = isObject(value) ? plainContext(value) : null;
        if (!context) return null;
        out.context = context;
        break;
      }
      case "placements": {
        const placements = plainPlacements(value);
        if (!placements) return null;
        out.placements = placements;
        break;
      }
      default:
        return null; // traits, or a field the schema drops
    }
  }
  if (!out.placements) return null;
  out.context ??= {};
  return out as DecideBody;
}
