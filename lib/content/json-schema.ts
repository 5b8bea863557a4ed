import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { TemplateError } from "./types";

/** At most this many problems are listed for one schema or one document. */
const MAX_ERRORS = 20;

/**
 * A fresh validator per check: ajv keeps every schema it compiled, so a
 * shared instance would grow with each schema a marketer ever typed. Strict,
 * so a misspelt keyword ("requried") is reported rather than ignored; formats
 * ("email", "uri") are not checked (no format library in a pure core).
 */
function createAjv(): Ajv {
  return new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: false,
    logger: false,
  });
}

function atLineOne(message: string): TemplateError {
  return { line: 1, column: 1, message };
}

/** ajv's message with the instance path it is about, and the property it names when it names one. */
function describeAjvError(error: ErrorObject): string {
  const path = error.instancePath || "/";
  const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
  const allowed = (error.params as { allowedValues?: unknown }).allowedValues;
  let message = `${path} ${error.message ?? "is not valid"}`;
  if (typeof extra === "string") message += `: '${extra}'`;
  if (Array.isArray(allowed)) message += `: ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
  return message;
}

function compileFailure(message: string): string {
  const keyword = /^strict mode: unknown keyword: "(.+)"$/.exec(message)?.[1];
  if (keyword) return `JSON schema: unknown keyword '${keyword}'`;
  const ref = /^can't resolve reference (.+) from id/.exec(message)?.[1];
  if (ref) return `JSON schema: reference '${ref}' cannot be resolved`;
  const meta = /^no schema with key or ref "(.+)"$/.exec(message)?.[1];
  if (meta) return `JSON schema: unsupported $schema '${meta}' (use JSON Schema draft-07)`;
  return `JSON schema: ${message}`;
}

/** A schema compiled, or why it cannot be (each error at line 1, column 1). */
export function compileJsonSchema(
  schema: unknown,
): { ok: true; validate: ValidateFunction } | { ok: false; errors: TemplateError[] } {
  const ajv = createAjv();
  try {
    if (!ajv.validateSchema(schema as object)) {
      // The meta-schema often says one thing three ways (enum, type, anyOf): keep the first per place.
      const seen = new Set<string>();
      const errors = (ajv.errors ?? [])
        .filter((e) => !seen.has(e.instancePath) && seen.add(e.instancePath))
        .slice(0, MAX_ERRORS)
        .map((e) => atLineOne(`JSON schema: ${describeAjvError(e)}`));
      return { ok: false, errors: errors.length ? errors : [atLineOne("JSON schema: not a valid schema")] };
    }
    return { ok: true, validate: ajv.compile(schema as object) };
  } catch (error) {
    return { ok: false, errors: [atLineOne(compileFailure(error instanceof Error ? error.message : String(error)))] };
  }
}

/** A JSON schema the marketer typed: [] when ajv can compile it, else its errors (line 1, column 1). */
export function checkJsonSchema(schema: unknown): TemplateError[] {
  const compiled = compileJsonSchema(schema);
  return compiled.ok ? [] : compiled.errors;
}

/** Where a JSON value breaks a compiled schema: ajv's messages with their instance paths (line 1, column 1). */
export function schemaViolations(validate: ValidateFunction, value: unknown): TemplateError[] {
  if (validate(value)) return [];
  const messages = [...new Set((validate.errors ?? []).map(describeAjvError))];
  return messages.slice(0, MAX_ERRORS).map((m) => atLineOne(`Does not match the JSON schema: ${m}`));
}
