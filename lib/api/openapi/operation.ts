import type { z } from "zod";
import type { ApiKeyScope } from "@/lib/api-keys/secret";

/** A method a route file exports (OPTIONS, the CORS preflight, is not documented). */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The error statuses the API wrapper answers (`lib/api/errors.ts`), each a response of `components.responses`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503;

/**
 * One public endpoint as the document shows it. The fields that mirror the
 * endpoint's own options (`auth`, `body`, `query`, `maxBytes`, `cors`,
 * `keyInBody`, `bodyOptional`; see `EndpointOptions` in `lib/api/endpoint.ts`)
 * decide the security and most error responses, so an entry says little more
 * than the route's `apiRoute({ … })` call already does.
 */
export type ApiOperation = {
  method: HttpMethod;
  /** As served, with `{name}` for each dynamic segment (`app/api/v1/goals/[id]` → `/api/v1/goals/{id}`). */
  path: `/api/${string}`;
  /** Unique across the document (camelCase: `createGoal`). */
  operationId: string;
  summary: string;
  /** Markdown. */
  description?: string;
  /** Defaults to the area's tag. */
  tags?: string[];
  /** The scope a key needs, "any" for any valid key, "public" for no key (as `endpoint()` takes it). */
  auth: ApiKeyScope | "any" | "public";
  /** The body's schema, as the endpoint validates it (documented as its input: before defaults and transforms). */
  body?: z.ZodType;
  /** A body that passes `body` (the tests hold it to both the zod schema and the document). */
  bodyExample?: unknown;
  /** An empty body is accepted too (`bodyOptional` of the endpoint). */
  bodyOptional?: boolean;
  /** The query string's schema: an object whose fields become `in: query` parameters. */
  query?: z.ZodObject;
  /** Schemas of the path's `{name}` parameters (a plain string when not given). */
  pathParams?: Record<string, z.ZodType>;
  /** The endpoint's body limit (`maxBytes`; the wrapper's default is 32 KB). */
  maxBytes?: number;
  /** Browser-callable: the Origin must be in the workspace's allowlist (403 otherwise). */
  cors?: boolean;
  /** The key may also come as `writeKey` in the body (Segment's libraries). */
  keyInBody?: boolean;
  /** The success answer. */
  response: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    example?: unknown;
  };
  /**
   * Error responses beyond those the options imply (400 with input, 413 with a
   * body, 401/403/429/503 with a key, 500 always), or a more precise
   * description of one of them, by status.
   */
  errors?: Partial<Record<ErrorStatus, string>>;
};

/**
 * The operations of one area of the API (one tag of the document), with the
 * zod schemas it names as `components.schemas` (they are referenced, not
 * inlined, wherever they occur) and optional descriptions of fields of its
 * schemas (the core schemas carry none; the document shows these).
 */
export type ApiArea = {
  tag: { name: string; description: string };
  operations: ApiOperation[];
  components?: Record<string, z.ZodType>;
  /** Descriptions of fields of object schemas: `[schema, { field: "what it means" }]`. */
  fieldDocs?: [z.ZodObject, Record<string, string>][];
};

/** Declares an area of the API (a typed identity: one file of `operations/` each). */
export function defineApiArea(area: ApiArea): ApiArea {
  return area;
}
