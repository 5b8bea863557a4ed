import { z } from "zod";
import type { ApiKeyScope } from "@/lib/api-keys/secret";
import { apiKeyFromHeaders, authenticateApiKey, type ApiCaller } from "./api-key-auth";
import { checkOrigin, withCors } from "./cors";
import { ApiError, apiIssues, errorBody } from "./errors";
import { readBodyLimited } from "./read-body";

const DEFAULT_MAX_BYTES = 32 * 1024;

type RouteOptions<B extends z.ZodType, Q extends z.ZodType> = {
  /** The scope a key needs; "any" for any valid key; "public" for no key at all. */
  auth: ApiKeyScope | "any" | "public";
  body?: B;
  query?: Q;
  /** Largest accepted body (413 beyond it). */
  maxBytes?: number;
  /** Also accept the key as `writeKey` in the JSON body (as Segment's libraries may send it). */
  keyInBody?: boolean;
  /** Callable from browsers: the Origin must be in the key's workspace allowlist, and answers carry CORS headers (export `OPTIONS = corsPreflight` beside it). */
  cors?: boolean;
};

type RouteContext<B extends z.ZodType, Q extends z.ZodType, A> = {
  request: Request;
  caller: A;
  body: z.output<B>;
  query: z.output<Q>;
};

type Caller<O> = O extends { auth: "public" } ? null : ApiCaller;

/**
 * The one wrapper of every public API route: API-key authentication, body
 * size limit, JSON and zod validation, and the uniform error body
 * `{ error: { code, message, issues? } }`. Bad input is always a 4xx.
 */
export function apiRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, O extends RouteOptions<B, Q> = RouteOptions<B, Q>>(
  options: O & RouteOptions<B, Q>,
  handler: (ctx: RouteContext<B, Q, Caller<O>>) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let origin: string | null = null;
    try {
      const json = options.body ? await readJson(request, options.maxBytes ?? DEFAULT_MAX_BYTES) : undefined;
      const key = apiKeyFromHeaders(request.headers) ?? (options.keyInBody ? writeKeyOf(json) : null);
      const caller = options.auth === "public" ? null : await authenticateApiKey(key, options.auth);
      if (options.cors) origin = caller ? checkOrigin(request, caller.workspace.corsOrigins) : request.headers.get("origin");
      const body = options.body ? parseWith(options.body, json, "invalid_body") : undefined;
      const query = options.query
        ? parseWith(options.query, Object.fromEntries(new URL(request.url).searchParams), "invalid_query")
        : undefined;
      const result = await handler({ request, caller: caller as Caller<O>, body: body as z.output<B>, query: query as z.output<Q> });
      return withCors(result instanceof Response ? result : Response.json(result), origin);
    } catch (error) {
      if (error instanceof ApiError) return withCors(Response.json(errorBody(error), { status: error.status }), origin);
      console.error(`[api ${request.method} ${new URL(request.url).pathname}]`, error);
      return withCors(Response.json(errorBody(new ApiError("internal", "Internal error")), { status: 500 }), origin);
    }
  };
}

function writeKeyOf(json: unknown): string | null {
  const value = json && typeof json === "object" ? (json as { writeKey?: unknown }).writeKey : undefined;
  return typeof value === "string" && value ? value : null;
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyLimited(request, maxBytes);
  if (!text.trim()) throw new ApiError("invalid_json", "Request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "Request body is not valid JSON");
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, code: "invalid_body" | "invalid_query"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(code, code === "invalid_body" ? "The request body is invalid" : "The query string is invalid", apiIssues(parsed.error));
  return parsed.data;
}
