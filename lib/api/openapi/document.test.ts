// The OpenAPI document of the public API: every route documented, valid OpenAPI 3.1, and its schemas the endpoints' own.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decideAnswerJson, type DecideAnswer } from "@/lib/decide/answer-json";
import { decideBodySchema } from "@/lib/decide/request";
import { MESSAGE_TYPES, batchEnvelopeSchema, messageSchema, typedMessageSchema } from "@/lib/events/schema";
import { API_AREAS, openApiDocument } from ".";
import { DECIDE_BODY_EXAMPLE } from "./operations/decide";
import type { JsonSchema } from "./json-schema";
import { operationsOf, requestSchemaOf, resolve, responseOf, schemaValidator } from "./testing/document-checks";

const document = openApiDocument();
const compile = schemaValidator(document);
const operations = API_AREAS.flatMap((area) => area.operations);

const ROUTES_DIR = path.join("app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? routeFiles(file) : name === "route.ts" ? [file] : [];
  });
}

/** `app/api/v1/goals/[id]/route.ts` → `/api/v1/goals/{id}` (route groups dropped, catch-alls as one parameter). */
function servedPath(file: string): string {
  const segments = path.dirname(file).split(path.sep).slice(1); // without "app"
  return `/${segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"))
    .join("/")}`;
}

/** The methods a route file exports: `export const POST = …`, `export async function GET(…)`. */
function exportedMethods(source: string): string[] {
  const found = [...source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)].map((m) => m[1]!);
  return found.filter((name) => (METHODS as readonly string[]).includes(name));
}

const routes = routeFiles(ROUTES_DIR).map((file) => {
  const source = readFileSync(file, "utf8");
  return { file, source, path: servedPath(file), methods: exportedMethods(source) };
});

describe("the routes of app/api/v1", () => {
  it("are found (the walk and the export pattern work)", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.find((r) => r.path === "/api/v1/goals/{id}")?.methods.sort()).toEqual(["DELETE", "GET", "PATCH"]);
    expect(exportedMethods("export async function GET(request: Request) {}\nexport const OPTIONS = x;")).toEqual([
      "GET",
    ]);
  });

  it("export their methods in a form the check reads (not `export { … }`)", () => {
    expect(routes.filter((r) => /export\s*\{/.test(r.source)).map((r) => r.file)).toEqual([]);
  });

  it("each have an operation in the document for every method they export", () => {
    const missing = routes.flatMap((r) =>
      r.methods.filter((m) => !document.paths[r.path]?.[m.toLowerCase()]).map((m) => `${m} ${r.path} (${r.file})`),
    );
    expect(missing, "document these in lib/api/openapi/operations/ (see lib/api/README.md)").toEqual([]);
  });

  it("are all the document has: no operation without its route", () => {
    const served = new Set(routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)));
    const stale = operationsOf(document)
      .map(({ method, path: p }) => `${method} ${p}`)
      .filter((key) => !served.has(key));
    expect(stale).toEqual([]);
  });

  it("need the key scope, body and query the document says (routes that call apiRoute with the options inline)", () => {
    const checked: string[] = [];
    for (const route of routes)
      for (const [, method, options] of route.source.matchAll(
        /export\s+const\s+([A-Z]+)\s*=\s*apiRoute\(\s*(\{[^}]*\})/g,
      )) {
        const op = operations.find((o) => o.method === method && o.path === route.path);
        if (!op) continue; // an undocumented route fails the test above
        const auth = /auth:\s*"([a-z]+)"/.exec(options!)?.[1];
        expect({
          route: `${method} ${route.path}`,
          auth,
          body: /\bbody:/.test(options!),
          query: /\bquery:/.test(options!),
        }).toEqual({
          route: `${method} ${route.path}`,
          auth: op.auth,
          body: Boolean(op.body),
          query: Boolean(op.query),
        });
        checked.push(`${method} ${route.path}`);
      }
    expect(checked).toContain("GET /api/v1/me");
    expect(checked).toContain("GET /api/v1/openapi.json");
  });
});

describe("the document", () => {
  it("is valid OpenAPI 3.1 (the specification's own JSON Schema)", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("holds only valid JSON Schemas (2020-12) whose $refs resolve", () => {
    const all: JsonSchema[] = [...Object.values(document.components.schemas)];
    for (const { op } of operationsOf(document)) {
      const body = requestSchemaOf(op);
      if (body) all.push(body);
      for (const status of Object.keys(op.responses as object)) {
        const schema = responseOf(document, op, status)?.content?.["application/json"]?.schema;
        if (schema) all.push(schema);
      }
      for (const parameter of (op.parameters ?? []) as { schema: JsonSchema }[]) all.push(parameter.schema);
    }
    for (const schema of all) expect(() => compile(schema)).not.toThrow();
    expect(JSON.stringify(document)).not.toContain("#/$defs/");
  });

  it("has info from package.json, a relative server, the three kinds of key as bearer schemes and the error envelope", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.version).toBe(pkg.version);
    expect(document.servers).toEqual([expect.objectContaining({ url: "/" })]);
    for (const [name, prefix] of [
      ["writeKey", "wk_"],
      ["clientKey", "ck_"],
      ["adminKey", "ak_"],
    ])
      expect(document.components.securitySchemes[name!]).toMatchObject({
        type: "http",
        scheme: "bearer",
        bearerFormat: `${prefix}…`,
      });
    expect(document.components.securitySchemes.basicAuth).toMatchObject({ type: "http", scheme: "basic" });
    expect(document.components.securitySchemes.apiKeyHeader).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "x-api-key",
    });
    expect(document.components.schemas.Error).toMatchObject({ required: ["error"] });
  });

  it("names the keys each operation takes by the scopes of their kinds", () => {
    const schemesOf = (p: string, m: string) =>
      (document.paths[p]![m]!.security as Record<string, unknown>[]).map((s) => Object.keys(s)[0]);
    expect(schemesOf("/api/v1/track", "post")).toEqual([
      "writeKey",
      "clientKey",
      "adminKey",
      "basicAuth",
      "apiKeyHeader",
    ]);
    expect(schemesOf("/api/v1/decide", "post")).toEqual(["clientKey", "adminKey", "basicAuth", "apiKeyHeader"]);
    expect(schemesOf("/api/v1/goals", "post")).toEqual(["adminKey", "basicAuth", "apiKeyHeader"]);
    expect(schemesOf("/api/v1/openapi.json", "get")).toEqual([]);
  });

  it("gives every operation that takes a key or input a 4xx answer with the error envelope; 429 and 503 carry Retry-After", () => {
    for (const { method, path: p, op } of operationsOf(document)) {
      const takesSomething =
        (op.security as unknown[]).length > 0 || op.requestBody !== undefined || op.parameters !== undefined;
      const errors = Object.keys(op.responses as object).filter((s) => /^4\d\d$/.test(s));
      const enveloped = errors.filter(
        (s) => responseOf(document, op, s)?.content?.["application/json"]?.schema.$ref === "#/components/schemas/Error",
      );
      if (takesSomething) expect(enveloped, `${method} ${p}`).not.toEqual([]);
      // the one that takes nothing can refuse nothing: no key, no body, no query, no path parameter
      else expect(`${method} ${p}`).toBe("GET /api/v1/openapi.json");
      expect(enveloped).toEqual(errors);
      for (const status of ["429", "503"]) {
        const response = responseOf(document, op, status);
        if (response) expect(response.headers?.["Retry-After"], `${status} of ${method} ${p}`).toBeDefined();
      }
    }
    const track = document.paths["/api/v1/track"]!.post!.responses as Record<string, unknown>;
    expect(Object.keys(track)).toEqual(["200", "400", "401", "403", "413", "429", "500", "503"]);
    expect(track["413"]).toMatchObject({ description: expect.stringContaining("32 KB") });
    expect(Object.keys(document.paths["/api/v1/goals/{id}"]!.delete!.responses as object)).toContain("404");
  });
});

/** The input fields of a zod object that must be present (no default, not optional). */
const requiredOf = (schema: z.ZodObject) =>
  Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).isOptional())
    .map(([key]) => key)
    .sort();

/** The object under optional/default/nullable wrappers, or null. */
function objectIn(schema: z.ZodType): z.ZodObject | null {
  let at: unknown = schema;
  while (at && typeof at === "object" && !(at instanceof z.ZodObject) && "unwrap" in at)
    at = (at as { unwrap(): unknown }).unwrap();
  return at instanceof z.ZodObject ? at : null;
}
/** The object branch of a JSON Schema (through `$ref` and a nullable `anyOf`). */
function jsonObjectIn(schema: JsonSchema): JsonSchema | null {
  const resolved = resolve(document, schema);
  if (resolved.type === "object") return resolved;
  const branch = (resolved.anyOf as JsonSchema[] | undefined)
    ?.map((b) => resolve(document, b))
    .find((b) => b.type === "object");
  return branch ?? null;
}

/** Every [path, zod required, document required] of an object schema and its nested objects. */
function requiredLists(zod: z.ZodObject, json: JsonSchema, at = "body"): [string, string[], string[]][] {
  const lists: [string, string[], string[]][] = [
    [at, requiredOf(zod), [...((json.required as string[]) ?? [])].sort()],
  ];
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, field] of Object.entries(zod.shape)) {
    const inner = objectIn(field as z.ZodType);
    const innerJson = properties[key] ? jsonObjectIn(properties[key]) : null;
    if (inner && innerJson) lists.push(...requiredLists(inner, innerJson, `${at}.${key}`));
  }
  return lists;
}

describe("the decide body in the document", () => {
  const schema = document.components.schemas.DecideBody!;
  const validate = compile({ $ref: "#/components/schemas/DecideBody" });

  it("is the operation's body", () => {
    expect(requestSchemaOf(document.paths["/api/v1/decide"]!.post!)).toEqual({
      $ref: "#/components/schemas/DecideBody",
    });
  });

  it("accepts a real decide body, as the endpoint's schema does", () => {
    expect(decideBodySchema.safeParse(DECIDE_BODY_EXAMPLE).success).toBe(true);
    expect(validate(DECIDE_BODY_EXAMPLE), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ placements: ["home-hero"] })).toBe(true);
  });

  it("refuses what the endpoint refuses for its shape", () => {
    for (const bad of [
      { placements: "home-hero" },
      { placements: ["home-hero"], context: { country: "Germany" } },
      { placements: ["home-hero"], anonymousId: 7 },
      { placements: Array.from({ length: 51 }, (_, i) => `p${i}`) },
      { placements: ["home-hero"], newVisitor: "yes" },
    ]) {
      expect(decideBodySchema.safeParse(bad).success).toBe(false);
      expect(validate(bad)).toBe(false);
    }
  });

  it("requires what the zod schema requires, at every level", () => {
    const lists = requiredLists(decideBodySchema, schema);
    expect(lists.map(([at]) => at)).toEqual(["body", "body.context", "body.context.utm"]);
    for (const [at, zodRequired, documented] of lists) expect(documented, at).toEqual(zodRequired);
  });

  it("describes its fields", () => {
    const properties = schema.properties as Record<string, JsonSchema>;
    expect(properties.userHash!.description).toContain("HMAC-SHA256");
    expect(Object.keys(properties).sort()).toEqual(Object.keys(decideBodySchema.shape).sort());
  });
});

describe("every operation's schemas", () => {
  it("require, for every object body, what its zod schema requires", () => {
    for (const op of operations) {
      const zodObject = op.body ? objectIn(op.body) : null;
      const json = zodObject && jsonObjectIn(requestSchemaOf(document.paths[op.path]![op.method.toLowerCase()]!)!);
      if (!zodObject || !json) continue;
      for (const [at, zodRequired, documented] of requiredLists(zodObject, json))
        expect(documented, `${op.method} ${op.path} ${at}`).toEqual(zodRequired);
    }
  });

  it("accept each operation's body example, which its zod schema accepts too", () => {
    for (const op of operations) {
      if (op.bodyExample === undefined) continue;
      const name = `${op.method} ${op.path}`;
      const parsed = op.body!.safeParse(op.bodyExample);
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      const validate = compile(requestSchemaOf(document.paths[op.path]![op.method.toLowerCase()]!)!);
      expect(validate(op.bodyExample), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(operations.filter((op) => op.body && op.bodyExample === undefined).map((op) => op.operationId)).toEqual([]);
  });

  it("accept each success example as the answer's schema", () => {
    for (const op of operations) {
      if (op.response.example === undefined) continue;
      const response = responseOf(
        document,
        document.paths[op.path]![op.method.toLowerCase()]!,
        String(op.response.status),
      );
      const validate = compile(response!.content!["application/json"]!.schema);
      expect(validate(op.response.example), `${op.operationId}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("document the ingest bodies as the endpoints read them: `type` implied by the path, batch items as messages", () => {
    for (const type of MESSAGE_TYPES) {
      const op = operations.find((o) => o.path === `/api/v1/${type}`)!;
      expect(typedMessageSchema(type).safeParse(op.bodyExample).success, type).toBe(true);
      const validate = compile(requestSchemaOf(document.paths[op.path]!.post!)!);
      expect(validate({ ...(op.bodyExample as object), type })).toBe(true);
      expect(validate({ ...(op.bodyExample as object), type: type === "track" ? "page" : "track" })).toBe(false);
    }
    const batch = operations.find((o) => o.path === "/api/v1/batch")!;
    const example = batch.bodyExample as { batch: unknown[] };
    expect(batchEnvelopeSchema.safeParse(example).success).toBe(true);
    for (const item of example.batch) expect(messageSchema.safeParse(item).success).toBe(true);
    expect(compile({ $ref: "#/components/schemas/Message" })({ type: "shout", userId: "u" })).toBe(false);
  });

  it("describe the decide answer as the endpoint writes it, for server and client keys", () => {
    const validate = compile({ $ref: "#/components/schemas/DecideAnswer" });
    const decision = {
      placementId: "pl1",
      variantId: "v1",
      experienceId: null,
      content: "Hello",
      contentType: "text",
      reason: "default",
      experimentId: null,
      variationId: null,
    } as const;
    const answers: DecideAnswer[] = [
      { profileId: "p1", decisions: { hero: decision }, unknownPlacements: ["nope"], experiments: {} },
      {
        decisions: { hero: { ...decision, reason: "experiment", experienceId: "e1" } },
        unknownPlacements: [],
        experiments: {
          steps: { experimentId: "x1", variationId: "xv1", variation: "one", value: { steps: 1 }, inExperiment: true },
        },
        identity: "unverified",
        ignoredTraits: ["vip"],
      },
      { profileId: null, decisions: {}, unknownPlacements: [] },
    ];
    for (const answer of answers) {
      const json: unknown = JSON.parse(decideAnswerJson(answer));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
