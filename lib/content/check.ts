import type { ValidateFunction } from "ajv";
import { toTemplateErrors } from "./errors";
import { compileJsonSchema, schemaViolations } from "./json-schema";
import { parseTemplate } from "./parse";
import { renderParsed } from "./render";
import { sampleTemplateData } from "./sample-data";
import { scanMarkup } from "./markup-scan";
import { outputContextErrors } from "./output-contexts";
import { positionsIn } from "./positions";
import { staticMarkupErrors } from "./static-markup";
import type { ContentType, TemplateError } from "./types";

/** JSON content rendered with sample data: valid JSON, and matching the schema when there is one. */
function checkJsonOutput(output: string, validate: ValidateFunction | undefined): TemplateError[] {
  let value: unknown;
  try {
    value = JSON.parse(output);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "";
    return [{ line: 1, column: 1, message: `Not valid JSON when rendered with sample data: ${reason}` }];
  }
  return validate ? schemaViolations(validate, value) : [];
}

/**
 * What the markup of HTML content may not hold, from one scan of it, in
 * source order: outputs where escaping does not protect them, event
 * handlers and script links.
 */
function markupErrors(source: string): TemplateError[] {
  const scan = scanMarkup(source);
  const positionOf = positionsIn(source);
  return [...outputContextErrors(scan), ...staticMarkupErrors(scan)]
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, message }) => ({ ...positionOf(offset), message }));
}

/** A render with the sample visitor, or the errors it stopped on. */
function renderSample(
  parsed: Parameters<typeof renderParsed>[0],
): { ok: true; output: string } | { ok: false; errors: TemplateError[] } {
  try {
    return { ok: true, output: renderParsed(parsed, sampleTemplateData(), { checking: true }) };
  } catch (error) {
    return { ok: false, errors: toTemplateErrors(error) };
  }
}

/**
 * Everything wrong with a template at save time: syntax errors with
 * line/column, unknown filters, unknown or disallowed tags; in HTML, outputs
 * where escaping does not protect them (scripts, event handlers, unquoted
 * attribute values) and event handlers or script links in the markup; then what a
 * render with `sampleTemplateData()` trips on (a DoS limit, a filter given
 * the wrong arguments, an unknown currency code); for JSON content also that
 * the render is valid JSON and, when a schema is given, satisfies it (errors
 * then at line 1 column 1 with ajv's message incl. the instance path). A
 * schema that cannot be compiled is reported too. [] means it may be saved.
 */
export function checkTemplate(source: string, contentType: ContentType, jsonSchema?: unknown): TemplateError[] {
  const schema = contentType === "json" && jsonSchema !== undefined ? compileJsonSchema(jsonSchema) : undefined;
  const schemaErrors = schema && !schema.ok ? schema.errors : [];
  const parsed = parseTemplate(source, contentType);
  if (!parsed.ok) return [...parsed.errors, ...schemaErrors];
  if (contentType === "html") {
    const unsafe = markupErrors(source);
    if (unsafe.length > 0) return unsafe;
  }
  const sample = renderSample(parsed.parsed);
  if (!sample.ok) return [...sample.errors, ...schemaErrors];
  if (contentType !== "json") return [];
  return [...checkJsonOutput(sample.output, schema?.ok ? schema.validate : undefined), ...schemaErrors];
}
