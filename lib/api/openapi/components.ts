import { z } from "zod";
import { DEFAULT_SCOPES, type ApiKeyKind, type ApiKeyScope } from "@/lib/api-keys/secret";
import type { ApiErrorCode } from "../errors";
import type { ErrorStatus } from "./operation";

/** Every code of the error body (`ApiErrorCode`); the type check below fails when one is added there and not here. */
export const ERROR_CODES = [
  "invalid_body",
  "invalid_query",
  "invalid_json",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "rate_limited",
  "unavailable",
  "internal",
] as const satisfies readonly ApiErrorCode[];
type MissingCode = Exclude<ApiErrorCode, (typeof ERROR_CODES)[number]>;
const allCodes: [MissingCode] extends [never] ? true : MissingCode = true;
void allCodes;

/** One reason a request was refused: a dotted path into the body (or query) and what is wrong there. */
export const apiIssueSchema = z.object({
  path: z.string().describe("Dotted path of the field (`batch.3.userId`); empty for the whole body"),
  message: z.string(),
});

/** The uniform error body of the public API (`errorBody` in `lib/api/errors.ts`). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("For people: what went wrong and, where it helps, what to do"),
    issues: z
      .array(apiIssueSchema)
      .optional()
      .describe("With invalid_body and invalid_query: each field refused and why"),
  }),
});

/** The schemas every document names, whatever its areas. */
export const SHARED_COMPONENTS: Record<string, z.ZodType> = { Error: apiErrorSchema, Issue: apiIssueSchema };

/** The bearer scheme of each kind of key (its name in `components.securitySchemes`). */
export const KEY_SCHEMES: Record<ApiKeyKind, string> = { write: "writeKey", client: "clientKey", admin: "adminKey" };

export const SECURITY_SCHEMES = {
  writeKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "wk_…",
    description:
      "A write key (`wk_…`, scope `ingest`): for the storefront's servers; its ids and emails are trusted as sent. `Authorization: Bearer wk_…`.",
  },
  clientKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "ck_…",
    description:
      "A client key (`ck_…`, scopes `decide` and `ingest`): public, safe in browsers; a userId counts only with its `userHash`, and browsers may call only from the workspace's allowed origins. `Authorization: Bearer ck_…`.",
  },
  adminKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "ak_…",
    description:
      "An admin key (`ak_…`, scopes `admin`, `ingest` and `decide`): everything the API offers, from servers only. `Authorization: Bearer ak_…`.",
  },
  basicAuth: {
    type: "http",
    scheme: "basic",
    description:
      "Any key as the Basic-auth user name, password empty (how Segment's libraries send the write key): `curl -u \"$KEY:\"`. The key's kind decides what it may do, as with the bearer schemes.",
  },
  apiKeyHeader: {
    type: "apiKey",
    in: "header",
    name: "x-api-key",
    description:
      "Any key in the `x-api-key` header. The key's kind decides what it may do, as with the bearer schemes.",
  },
} as const;

/** The kinds of key whose scopes allow `auth` ("any": every kind). */
export function kindsFor(auth: ApiKeyScope | "any"): ApiKeyKind[] {
  return (Object.keys(DEFAULT_SCOPES) as ApiKeyKind[]).filter(
    (kind) => auth === "any" || DEFAULT_SCOPES[kind].includes(auth),
  );
}

/** The security requirements of an operation: one of the bearer schemes of the kinds allowed, or the two kind-neutral ways of sending a key. */
export function securityFor(auth: ApiKeyScope | "any" | "public"): Record<string, string[]>[] {
  if (auth === "public") return [];
  return [...kindsFor(auth).map((kind) => ({ [KEY_SCHEMES[kind]]: [] })), { basicAuth: [] }, { apiKeyHeader: [] }];
}

/** `components.headers`. */
export const HEADERS = {
  RetryAfter: {
    description: "Seconds to wait before trying again",
    schema: { type: "integer", minimum: 1 },
  },
} as const;

/** The name of each error status's response in `components.responses`, with what it usually means. */
export const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string; retryAfter?: boolean }> = {
  400: {
    name: "BadRequest",
    description:
      "Bad input: `invalid_json` (not JSON, or empty), `invalid_body` (with `issues`: each field's path and reason; also a body nesting deeper than 64 levels, or text Postgres cannot store) or `invalid_query`",
  },
  401: { name: "Unauthorized", description: "`unauthorized`: no key, or an invalid or revoked one" },
  403: {
    name: "Forbidden",
    description: "`forbidden`: the key lacks the scope this operation needs, or a browser's Origin is not allowed",
  },
  404: { name: "NotFound", description: "`not_found`: nothing of that id in the key's workspace" },
  409: { name: "Conflict", description: "`conflict`: the change conflicts with the current state" },
  413: { name: "PayloadTooLarge", description: "`payload_too_large`: the body is over the operation's limit" },
  429: {
    name: "RateLimited",
    description: "`rate_limited`: the key is over its workspace's requests a second; retry after Retry-After",
    retryAfter: true,
  },
  500: { name: "InternalError", description: "`internal`: an unexpected failure (logged; no details are sent)" },
  503: {
    name: "Unavailable",
    description: "`unavailable`: the database cannot be reached right now; retry after Retry-After",
    retryAfter: true,
  },
};
