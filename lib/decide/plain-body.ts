import { COUNTRY_CODE, DECIDE_LIMITS, type DecideBody } from "./request";
import { isTimeZone } from "./zoned-time";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const textUpTo = (value: unknown, max: number): value is string => typeof value === "string" && value.length <= max;
/** The longest text a field of `limits` may hold, or undefined when the field is not one of them. */
const limitOf = (limits: Readonly<Record<string, number>>, key: string) =>
  Object.hasOwn(limits, key) ? limits[key] : undefined;

/** The context when it holds only plain fields that `decideBodySchema` accepts as they are; else null. */
function plainContext(context: Json): DecideBody["context"] | null {
  const out: Record<string, string> = {};
  for (const key in context) {
    const value = context[key];
    const max = limitOf(DECIDE_LIMITS.contextText, key);
    if (max !== undefined) {
      if (!textUpTo(value, max)) return null;
    } else if (key === "country") {
      if (typeof value !== "string" || !COUNTRY_CODE.test(value)) return null;
    } else if (key === "timezone") {
      if (!textUpTo(value, DECIDE_LIMITS.timezone) || !isTimeZone(value)) return null;
    } else {
      return null; // utm, or a field the schema drops
    }
    out[key] = value;
  }
  return out;
}

/** Keys, trimmed, when every one is text of 1 to `maxKey` characters and there are 1 to `maxKeys`; else null. */
function plainKeys(value: unknown, maxKeys: number, maxKey: number): string[] | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > maxKeys) return null;
  const keys: string[] = [];
  for (const item of value) {
    if (typeof item !== "string") return null;
    const key = item.trim();
    if (key.length < 1 || key.length > maxKey) return null;
    keys.push(key);
  }
  return keys;
}

/**
 * The decide body exactly as `decideBodySchema` reads it, for the shape
 * storefronts send on every page (ids, a plain context, placements, flag experiments), checked
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
    const max = limitOf(DECIDE_LIMITS.ids, key);
    if (max !== undefined) {
      if (!textUpTo(value, max)) return null;
      out[key as keyof typeof DECIDE_LIMITS.ids] = value;
    } else if (key === "newVisitor") {
      if (typeof value !== "boolean") return null;
      out.newVisitor = value;
    } else if (key === "context") {
      const context = isObject(value) ? plainContext(value) : null;
      if (!context) return null;
      out.context = context;
    } else if (key === "placements") {
      const placements = plainKeys(value, DECIDE_LIMITS.placements, DECIDE_LIMITS.placementKey);
      if (!placements) return null;
      out.placements = placements;
    } else if (key === "experiments") {
      const experiments = plainKeys(value, DECIDE_LIMITS.experiments, DECIDE_LIMITS.experimentKey);
      if (!experiments) return null;
      out.experiments = experiments;
    } else {
      return null; // traits, or a field the schema drops
    }
  }
  if (!out.placements) return null;
  out.context ??= {};
  return out as DecideBody;
}
