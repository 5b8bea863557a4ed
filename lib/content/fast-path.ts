import { escapeJsonString } from "./json-escape";
import { renderScope } from "./scope";
import type { ContentType, TemplateData } from "./types";

/**
 * Most marketing templates are text with a few outputs such as
 * `{{ first_name | default: "there" }}`. Those (and only those: text,
 * `{{ name }}` or `{{ a.b.c }}`, optionally `| default: "literal"`) are
 * rendered here without the liquidjs engine, with its exact meaning (a
 * property test compares both on random templates and data): the same
 * lookup (own properties; a bare name is a trait), the same `default`, the
 * same output escaping. A value that is neither text, a number, true/false
 * nor missing (a list, an object) makes `render` answer null: the engine
 * renders that one.
 */
export type FastTemplate = (data: TemplateData) => string | null;

const OUTPUT =
  /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*(?:\|\s*default\s*:\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*)?$/;
/** Names liquid gives a meaning of its own (literals, and properties it computes). */
const SPECIAL = new Set(["nil", "null", "empty", "blank", "true", "false", "size", "first", "last"]);

type Part = string | { path: string[]; fallback: string | null };
const MISSING = Symbol("missing");
const own = (value: object, key: string) =>
  Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const ESCAPE: Record<ContentType, (text: string) => string> = {
  html: escapeHtml,
  text: (t) => t,
  json: escapeJsonString,
};

/** The parts of a template in the subset, or null when it is outside it (then the engine renders it). */
function split(source: string): Part[] | null {
  if (source.includes("{%")) return null;
  const parts: Part[] = [];
  let at = 0;
  for (;;) {
    const open = source.indexOf("{{", at);
    if (open < 0) break;
    const close = source.indexOf("}}", open + 2);
    if (close < 0) return null;
    const inner = source.slice(open + 2, close);
    const found = OUTPUT.exec(inner);
    if (!found || inner.startsWith("-") || inner.endsWith("-")) return null;
    const path = found[1]!.split(".");
    if (path.some((name) => SPECIAL.has(name))) return null;
    if (open > at) parts.push(source.slice(at, open));
    parts.push({ path, fallback: found[2] ?? found[3] ?? null });
    at = close + 2;
  }
  if (at < source.length) parts.push(source.slice(at));
  return parts;
}

/** A value at a path, as liquid reads it; MISSING when the engine must decide (a property of text or a number). */
function lookup(path: string[], data: TemplateData): unknown {
  const { environment, globals } = renderScope(data);
  let value: unknown = path[0]! in environment ? environment[path[0]!] : own(globals, path[0]!);
  for (const name of path.slice(1)) {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) return MISSING;
    value = own(value, name);
  }
  return value;
}

/** The output of one value: null when it is not a primitive (the engine's business). */
function output(value: unknown, fallback: string | null, escape: (text: string) => string): string | null {
  if (fallback !== null && (value === null || value === undefined || value === false || value === ""))
    return escape(fallback);
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return escape(value);
  if (typeof value === "number" || typeof value === "boolean") return escape(String(value));
  return null;
}

/** The fast renderer of a template, or null when the template is outside the subset. */
export function compileFastPath(source: string, contentType: ContentType): FastTemplate | null {
  const parts = split(source);
  if (!parts) return null;
  const escape = ESCAPE[contentType];
  return (data) => {
    let text = "";
    for (const part of parts) {
      if (typeof part === "string") {
        text += part;
        continue;
      }
      const value = lookup(part.path, data);
      const out = value === MISSING ? null : output(value, part.fallback, escape);
      if (out === null) return null;
      text += out;
    }
    return text;
  };
}
