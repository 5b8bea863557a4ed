// Test helpers: reading and validating the OpenAPI document (for lib/api/openapi/*.test.ts).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "../document";
import type { JsonSchema } from "../json-schema";

const DOCUMENT_ID = "https://personalize.test/openapi.json";

/** A JSON Schema validator of schemas in the document (their `$ref`s into `#/components/schemas/` resolved). */
export function schemaValidator(document: OpenApiDocument): (schema: JsonSchema) => ValidateFunction {
  // formats are annotations here (as in OpenAPI's dialect by default); patterns and the rest are checked
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  let n = 0;
  return (schema) => ajv.compile({ $id: `${DOCUMENT_ID}/root/${n++}`, ...absolute(schema) });
}

/** `#/components/…` refs made absolute, so that a schema compiled apart still finds the document's. */
function absolute(value: unknown): JsonSchema {
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) =>
      key === "$ref" && typeof inner === "string" && inner.startsWith("#/") ? `${DOCUMENT_ID}${inner}` : inner,
    ),
  ) as JsonSchema;
}

/** The schema a `$ref` names in the document (or the schema itself). */
export function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const path = ref.replace(/^#\//, "").split("/");
  let at: unknown = document;
  for (const part of path) at = (at as Record<string, unknown>)[part];
  if (!at) throw new Error(`no ${ref} in the document`);
  return resolve(document, at as JsonSchema);
}

/** Every operation of the document: method (upper case), path and its object. */
export function operationsOf(document: OpenApiDocument): { method: string; path: string; op: JsonSchema }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

type Content = { "application/json"?: { schema: JsonSchema; example?: unknown } };
export const requestSchemaOf = (op: JsonSchema) =>
  ((op.requestBody as { content: Content } | undefined)?.content["application/json"]?.schema ??
    null) as JsonSchema | null;
export const responseOf = (document: OpenApiDocument, op: JsonSchema, status: string) => {
  const response = (op.responses as Record<string, JsonSchema>)[status];
  return response ? (resolve(document, response) as { content?: Content; headers?: Record<string, unknown> }) : null;
};
