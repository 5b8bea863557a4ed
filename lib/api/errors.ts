import type { z } from "zod";

/** Error codes of the public API's uniform error body. */
export type ApiErrorCode =
  | "invalid_body"
  | "invalid_query"
  | "invalid_json"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  invalid_body: 400,
  invalid_query: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type ApiIssue = { path: string; message: string };

/** A refusal that a route handler throws; the wrapper turns it into `{ error: { code, message, issues? } }`. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
    /** Seconds a client should wait before trying again (sent as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** zod issues as the API reports them: a dotted path and a reason. */
export function apiIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export function errorBody(error: ApiError) {
  return { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
}

/** A body past its size limit (413). */
export function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `Request body is larger than ${Math.round(maxBytes / 1024)} KB`);
}
