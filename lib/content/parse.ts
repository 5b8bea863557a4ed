import type { Template } from "liquidjs";
import { engineFor, lintEngine } from "./engine";
import { toTemplateErrors } from "./errors";
import type { ContentType, TemplateError } from "./types";

/** Every content type, for checking a value that came from storage or a request. */
export const CONTENT_TYPES: readonly ContentType[] = ["html", "text", "json"];

/** A template parsed by the engine of its content type. */
export type ParsedTemplate = { contentType: ContentType; templates: Template[] };

/** Every syntax error of a template (unknown filters and tags included), in source order. */
function allParseErrors(source: string): TemplateError[] {
  try {
    lintEngine().parse(source);
    return [];
  } catch (error) {
    return toTemplateErrors(error);
  }
}

/**
 * Parses a template once, with the engine of its content type. On failure,
 * every error it has, not only the first (parsed again by the linting engine).
 */
export function parseTemplate(
  source: unknown,
  contentType: unknown,
): { ok: true; parsed: ParsedTemplate } | { ok: false; errors: TemplateError[] } {
  if (!CONTENT_TYPES.includes(contentType as ContentType)) {
    return {
      ok: false,
      errors: [{ line: 1, column: 1, message: `Unknown content type '${String(contentType)}' (html, text or json)` }],
    };
  }
  if (typeof source !== "string")
    return { ok: false, errors: [{ line: 1, column: 1, message: "The template must be text" }] };
  const type = contentType as ContentType;
  try {
    return { ok: true, parsed: { contentType: type, templates: engineFor(type).parse(source) } };
  } catch (error) {
    const errors = allParseErrors(source);
    return { ok: false, errors: errors.length ? errors : toTemplateErrors(error) };
  }
}
