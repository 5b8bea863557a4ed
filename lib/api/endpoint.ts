import { z } from "zod";
import type { ApiKeyScope } from "@/lib/api-keys/secret";
import { apiKeyFromHeaders, authenticateApiKey, type ApiCaller } from "./api-key-auth";
import { checkOrigin } from "./cors";
import { checkRateLimit } from "./rate-limit";
import { isConnectionError } from "@/lib/db/availability";
import { ApiError, apiIssues, errorBody, tooLarge } from "./errors";
import { MAX_JSON_DEPTH, mayHoldUnstorable, nestedDeeperThan, unstorablePath } from "../json/storable";

const DEFAULT_MAX_BYTES = 32 * 1024;
/** Any endpoint that needs the database while it cannot be reached: retry, not a server fault. */
const DATABASE_UNREACHABLE = new ApiError("unavailable", "The database cannot be reached right now; retry shortly");

/**
 * A request as every public endpoint sees it, whichever server received it:
 * the Next app's route handlers and the standalone decision server
 * (`server/decide.ts`) both adapt theirs to this, so that one endpoint
 * definition answers the same on both.
 */
export type ApiRequest = {
  method: string;
  /** Absolute URL (the app's own origin is read from it). */
  url: string;
  header(name: string): string | null;
  /** The body as text; refused with 413 as soon as it passes `maxBytes`. */
  text(maxBytes: number): Promise<string>;
};

/** What an endpoint answers: a status, a JSON body (or none) and headers. */
export type ApiAnswer = { status: number; body: unknown; headers: Record<string, string> };
export type Endpoint = (request: ApiRequest) => Promise<ApiAnswer>;

/**
 * A body already serialized as JSON: the servers send its text as it is.
 * For hot answers whose parts are serialized once and reused (the decide
 * endpoint's); anything else returns plain values.
 */
export class JsonText {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** An answer body as the JSON text to send. */
export const jsonTextOf = (body: unknown): string => (body instanceof JsonText ? body.text : JSON.stringify(body));

/** Answers made by `answer()`, told apart from handler results that merely look alike. */
class Answer implements ApiAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {}
}

/** A handler's answer other than 200 with its result as the body. */
export function answer(status: number, body: unknown, headers: Record<string, string> = {}): ApiAnswer {
  return new Answer(status, body, headers);
}
const isAnswer = (value: unknown): value is ApiAnswer => value instanceof Answer;

export type EndpointOptions<B extends z.ZodType, Q extends z.ZodType> = {
  /** The scope a key needs; "any" for any valid key; "public" for no key at all. */
  auth: ApiKeyScope | "any" | "public";
  body?: B;
  /** A hand-written reading of the body's usual shape, for hot endpoints: the body exactly as `body` would read it, or null to leave it to `body`. */
  plainBody?: (json: unknown) => z.output<B> | null;
  query?: Q;
  /** An empty body reads as no body (the schema then takes `undefined`): for commands whose body only adds options. */
  bodyOptional?: boolean;
  /** Largest accepted body (413 beyond it). */
  maxBytes?: number;
  /** The array field of the body whose items the handler checks one by one (a bad item is refused alone, not the request). */
  itemsField?: string;
  /** Also accept the key as `writeKey` in the JSON body (as Segment's libraries may send it). */
  keyInBody?: boolean;
  /** Callable from browsers: the Origin must be in the key's workspace allowlist, and answers carry CORS headers (answer preflights beside it). */
  cors?: boolean;
};

export type EndpointContext<B extends z.ZodType, Q extends z.ZodType, A> = {
  request: ApiRequest;
  caller: A;
  body: z.output<B>;
  query: z.output<Q>;
};
/** Who called: the key's workspace, or nobody for a public endpoint. */
export type EndpointCaller<O> = O extends { auth: "public" } ? null : ApiCaller;

/**
 * The one wrapper of every public API endpoint: API-key authentication, body
 * size limit, JSON and zod validation, CORS, and the uniform error body
 * `{ error: { code, message, issues? } }`. Bad input is always a 4xx; an
 * unreachable database a 503 with Retry-After; an unexpected failure is
 * logged and answered 500 without details.
 */
export function endpoint<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  O extends EndpointOptions<B, Q> = EndpointOptions<B, Q>,
>(
  options: O & EndpointOptions<B, Q>,
  handler: (ctx: EndpointContext<B, Q, EndpointCaller<O>>) => Promise<unknown>,
): Endpoint {
  return async (request) => {
    let origin: string | null = null;
    try {
      const json = options.body
        ? await readJson(request, options.maxBytes ?? DEFAULT_MAX_BYTES, options.itemsField, options.bodyOptional)
        : undefined;
      const key = apiKeyFromHeaders((name) => request.header(name)) ?? (options.keyInBody ? writeKeyOf(json) : null);
      const caller = options.auth === "public" ? null : await authenticateApiKey(key, options.auth);
      if (caller) checkRateLimit(caller);
      if (options.cors) origin = caller ? checkOrigin(request, caller.workspace.corsOrigins) : request.header("origin");
      const body = options.body
        ? (options.plainBody?.(json) ?? parseWith(options.body, json, "invalid_body"))
        : undefined;
      const query = options.query
        ? parseWith(options.query, Object.fromEntries(new URL(request.url).searchParams), "invalid_query")
        : undefined;
      const result = await handler({
        request,
        caller: caller as EndpointCaller<O>,
        body: body as z.output<B>,
        query: query as z.output<Q>,
      });
      return withCors(isAnswer(result) ? result : answer(200, result), origin);
    } catch (error) {
      const refusal = error instanceof ApiError ? error : isConnectionError(error) ? DATABASE_UNREACHABLE : null;
      if (refusal)
        return withCors(
          answer(
            refusal.status,
            errorBody(refusal),
            refusal.retryAfter !== undefined
              ? { "retry-after": String(refusal.retryAfter) }
              : refusal.status === 503
                ? { "retry-after": "1" }
                : {},
          ),
          origin,
        );
      console.error(`[api ${request.method} ${new URL(request.url).pathname}]`, error);
      return withCors(answer(500, errorBody(new ApiError("internal", "Internal error"))), origin);
    }
  };
}

function withCors(result: ApiAnswer, origin: string | null): ApiAnswer {
  if (!origin) return result;
  return { ...result, headers: { ...result.headers, "access-control-allow-origin": origin, vary: "Origin" } };
}

function writeKeyOf(json: unknown): string | null {
  const value = json && typeof json === "object" ? (json as { writeKey?: unknown }).writeKey : undefined;
  return typeof value === "string" && value ? value : null;
}

/**
 * The body parsed as JSON. Refused: nesting deeper than MAX_JSON_DEPTH (the
 * whole body), and a string or key Postgres cannot store, with its path
 * (outside `itemsField`, whose items the handler checks one by one).
 */
async function readJson(
  request: ApiRequest,
  maxBytes: number,
  itemsField?: string,
  optional = false,
): Promise<unknown> {
  const declared = Number(request.header("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await request.text(maxBytes);
  if (optional && text.trim() === "") return undefined;
  if (nestedDeeperThan(text, MAX_JSON_DEPTH))
    throw new ApiError(
      "invalid_body",
      `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(
      "invalid_json",
      text.trim() ? "Request body is not valid JSON" : "Request body is empty; send a JSON object",
    );
  }
  if (mayHoldUnstorable(text)) {
    const bad = unstorablePath(itemsField && json && typeof json === "object" ? { ...json, [itemsField]: null } : json);
    if (bad)
      throw new ApiError("invalid_body", "The request body is invalid", [
        { path: bad.path.join("."), message: bad.message },
      ]);
  }
  return json;
}

function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: "invalid_body" | "invalid_query",
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(
      code,
      code === "invalid_body" ? "The request body is invalid" : "The query string is invalid",
      apiIssues(parsed.error),
    );
  return parsed.data;
}
