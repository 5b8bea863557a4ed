import { z } from "zod";
import { ERROR_RESPONSES, HEADERS, SECURITY_SCHEMES, SHARED_COMPONENTS, kindsFor, securityFor } from "./components";
import { toJsonSchemas, type JsonSchema, type SchemaDocs } from "./json-schema";
import type { ApiArea, ApiOperation, ErrorStatus } from "./operation";

/** The wrapper's body limit when an endpoint sets none (`DEFAULT_MAX_BYTES` of `lib/api/endpoint.ts`). */
const DEFAULT_MAX_BYTES = 32 * 1024;

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
    headers: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
};

const DESCRIPTION = `The public API: events in (Segment-compatible), decisions out, consent, and the admin API of experiments and goals.

**Keys.** Send a key as \`Authorization: Bearer <key>\`, as the Basic-auth user name with an empty password (as Segment's libraries do), or in \`x-api-key\`. Write keys (\`wk_…\`) ingest from servers; client keys (\`ck_…\`) are public, for browsers (decide and events); admin keys (\`ak_…\`) can do everything. Each operation lists the kinds it accepts.

**Errors.** Every refusal has the body \`{ "error": { "code", "message", "issues"? } }\` (\`Error\`): 400 for bad input (with each field's path and reason in \`issues\`), 401 for a missing or revoked key, 403 for a missing scope or a browser origin not allowed, 404, 413 for a body over the limit, 429 over the key's rate (with Retry-After), 503 while the database cannot be reached (with Retry-After).

**Decision servers** (\`server/decide.ts\`) serve the decide, ingest and consent operations at the same paths, with the same keys and answers.`;

/** `[id]` path segments of the operation's path. */
const pathParamsOf = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** The error statuses an operation may answer: those its options imply and those it declares. */
export function errorStatusesOf(op: ApiOperation): ErrorStatus[] {
  const implied: ErrorStatus[] = [500];
  if (op.body || op.query) implied.push(400);
  if (op.body) implied.push(413);
  if (op.auth !== "public") implied.push(401, 403, 429, 503);
  if (pathParamsOf(op.path).length > 0) implied.push(404);
  const declared = Object.keys(op.errors ?? {}).map(Number) as ErrorStatus[];
  return [...new Set([...implied, ...declared])].sort((a, b) => a - b);
}

function errorResponse(op: ApiOperation, status: ErrorStatus): JsonSchema {
  const ref = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  const declared = op.errors?.[status];
  if (declared) return { ...ref, description: declared };
  if (status === 413) {
    const kb = Math.round((op.maxBytes ?? DEFAULT_MAX_BYTES) / 1024);
    return { ...ref, description: `\`payload_too_large\`: the body is larger than ${kb} KB` };
  }
  return ref;
}

function operationDescription(op: ApiOperation): string {
  const notes: string[] = [];
  if (op.auth === "public") notes.push("No key needed.");
  else {
    const kinds = kindsFor(op.auth).map((kind) => `${kind} (\`${kind[0]}k_…\`)`);
    notes.push(
      op.auth === "any" ? `Any key: ${kinds.join(", ")}.` : `Needs the \`${op.auth}\` scope: ${kinds.join(", ")} keys.`,
    );
  }
  if (op.keyInBody) notes.push("The key may also be sent as `writeKey` in the body.");
  if (op.cors)
    notes.push(
      "Browsers may call it from the origins allowed under Settings → API keys (the app's own always); others get 403.",
    );
  if (op.body) notes.push(`Bodies up to ${Math.round((op.maxBytes ?? DEFAULT_MAX_BYTES) / 1024)} KB.`);
  return [op.description, notes.join(" ")].filter(Boolean).join("\n\n");
}

/** Field descriptions and component names, for zod's conversion (a registry of this document alone). */
function docsRegistry(areas: readonly ApiArea[]): z.core.$ZodRegistry<SchemaDocs> {
  const docs = z.registry<SchemaDocs>();
  const named = new Map<string, z.ZodType>();
  const components = [SHARED_COMPONENTS, ...areas.map((a) => a.components ?? {})];
  for (const set of components)
    for (const [id, schema] of Object.entries(set)) {
      if (named.has(id) && named.get(id) !== schema) throw new Error(`OpenAPI: two schemas are named ${id}`);
      named.set(id, schema);
    }
  for (const area of areas)
    for (const [object, fields] of area.fieldDocs ?? [])
      for (const [field, description] of Object.entries(fields)) {
        const schema = object.shape[field] as z.ZodType | undefined;
        if (!schema) throw new Error(`OpenAPI: no field ${field} to describe`);
        docs.add(schema, { ...docs.get(schema), description });
      }
  for (const [id, schema] of named) docs.add(schema, { ...docs.get(schema), id });
  return docs;
}

/**
 * The OpenAPI 3.1 document of the given areas. Pure: the same areas give the
 * same document; the schemas come from zod (see `toJsonSchemas`). Throws on
 * two operations at one method and path, or two ids alike.
 */
export function buildOpenApiDocument(options: {
  title: string;
  version: string;
  areas: readonly ApiArea[];
}): OpenApiDocument {
  const { areas } = options;
  const operations = areas.flatMap((area) => area.operations.map((op) => ({ op, tag: area.tag.name })));

  // every zod schema of the document, converted at once
  const roots: Record<string, z.ZodType> = {};
  operations.forEach(({ op }, i) => {
    if (op.body) roots[`${i}.body`] = op.body;
    if (op.response.schema) roots[`${i}.response`] = op.response.schema;
    if (op.query) for (const [name, schema] of Object.entries(op.query.shape)) roots[`${i}.query.${name}`] = schema;
    for (const name of pathParamsOf(op.path)) roots[`${i}.path.${name}`] = op.pathParams?.[name] ?? z.string();
  });
  for (const [id, schema] of Object.entries(SHARED_COMPONENTS)) roots[`shared.${id}`] = schema;
  const converted = toJsonSchemas(roots, docsRegistry(areas));
  const schemaOf = (key: string) => converted.roots[key]!;

  const paths: OpenApiDocument["paths"] = {};
  const operationIds = new Set<string>();
  operations.forEach(({ op, tag }, i) => {
    const method = op.method.toLowerCase();
    const item = (paths[op.path] ??= {});
    if (item[method]) throw new Error(`OpenAPI: ${op.method} ${op.path} is documented twice`);
    if (operationIds.has(op.operationId)) throw new Error(`OpenAPI: operationId ${op.operationId} is used twice`);
    operationIds.add(op.operationId);

    const parameters = [
      ...pathParamsOf(op.path).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: schemaOf(`${i}.path.${name}`),
      })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: "query",
        required: !(schema as z.ZodType).isOptional(),
        schema: schemaOf(`${i}.query.${name}`),
      })),
    ];
    const success: JsonSchema = { description: op.response.description };
    if (op.response.schema)
      success.content = {
        "application/json": {
          schema: schemaOf(`${i}.response`),
          ...(op.response.example !== undefined ? { example: op.response.example } : {}),
        },
      };
    const responses: JsonSchema = { [String(op.response.status)]: success };
    for (const status of errorStatusesOf(op)) responses[String(status)] = errorResponse(op, status);

    item[method] = {
      operationId: op.operationId,
      summary: op.summary,
      description: operationDescription(op),
      tags: op.tags ?? [tag],
      security: securityFor(op.auth),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: !op.bodyOptional,
              content: {
                "application/json": {
                  schema: schemaOf(`${i}.body`),
                  ...(op.bodyExample !== undefined ? { example: op.bodyExample } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
  });

  const responses: Record<string, JsonSchema> = {};
  for (const { name, description, retryAfter } of Object.values(ERROR_RESPONSES))
    responses[name] = {
      description,
      ...(retryAfter ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } } : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };

  return {
    openapi: "3.1.0",
    info: { title: options.title, version: options.version, description: DESCRIPTION },
    servers: [{ url: "/", description: "This app" }],
    tags: areas.map((area) => area.tag),
    paths,
    components: {
      schemas: sortedKeys(converted.components),
      responses,
      headers: HEADERS,
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

const sortedKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
