/**
 * Safe templates for personalized content, the module other code imports:
 * Liquid in a sandbox, escaped for the content type (HTML, plain text or
 * JSON), checked at save time and compiled once for the decision hot path.
 */
import { parseTemplate } from "./parse";
import { renderParsed } from "./render";
import { compileFastPath } from "./fast-path";
import { neutralizeUnsafeUrls } from "./safe-urls";
import type { CompiledTemplate, ContentType, TemplateError } from "./types";

export type { CompiledTemplate, ContentType, TemplateData, TemplateError } from "./types";
export { checkTemplate } from "./check";
export { checkJsonSchema } from "./json-schema";
export { sampleTemplateData } from "./sample-data";
export { TEMPLATE_LIMITS } from "./limits";

/** Whether rendered JSON content parses: what a storefront will do with it. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles a template once for many renders. `render` is synchronous and
 * never throws: on any runtime error (a DoS limit included) it returns "",
 * and so it does when JSON content would not be valid JSON for this visitor
 * (a value in a number's place, say), so a storefront never gets broken JSON.
 * HTML has links that would run script replaced by `#` (`safe-urls.ts`).
 */
export function compileTemplate(
  source: string,
  contentType: ContentType,
): { ok: true; template: CompiledTemplate } | { ok: false; errors: TemplateError[] } {
  const result = parseTemplate(source, contentType);
  if (!result.ok) return result;
  const { parsed } = result;
  const json = parsed.contentType === "json";
  const html = parsed.contentType === "html";
  // no output and no tag: the text is its own rendering (the hot path skips the engine)
  if (!source.includes("{{") && !source.includes("{%")) {
    const output = json && !isJson(source) ? "" : html ? neutralizeUnsafeUrls(source) : source;
    return { ok: true, template: { contentType: parsed.contentType, render: () => output, literal: output } };
  }
  const fast = compileFastPath(source, parsed.contentType);
  return {
    ok: true,
    template: {
      contentType: parsed.contentType,
      literal: null,
      render(data) {
        try {
          const output = fast?.(data) ?? renderParsed(parsed, data);
          if (html) return neutralizeUnsafeUrls(output);
          return json && !isJson(output) ? "" : output;
        } catch {
          return "";
        }
      },
    },
  };
}
