import { ApiError } from "./errors";

const ALLOW_HEADERS = "authorization, content-type, x-api-key";

/**
 * Browsers call the public API from storefronts on other origins. A
 * preflight carries no key, so it cannot know the workspace: it is answered
 * for any origin, and the real request then checks the origin against the
 * key's workspace allowlist (the app's own origin is always allowed).
 */
export function preflightHeaders(origin: string | null): Record<string, string> {
  return origin
    ? {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "POST, OPTIONS",
        "access-control-allow-headers": ALLOW_HEADERS,
        "access-control-max-age": "600",
        vary: "Origin",
      }
    : {};
}

/** The preflight answer of the app's browser-callable routes (`export const OPTIONS = corsPreflight`). */
export function corsPreflight(request: Request): Response {
  return new Response(null, { status: 204, headers: preflightHeaders(request.headers.get("origin")) });
}

/** Whether `origin` may call this workspace's API from a browser (exact match, or `*` in the allowlist). */
export function originAllowed(origin: string, requestUrl: string, allowlist: readonly string[]): boolean {
  return origin === new URL(requestUrl).origin || allowlist.includes("*") || allowlist.includes(origin);
}

/** Refuses a browser request from an origin the workspace does not allow (requests without Origin, from servers, pass). */
export function checkOrigin(
  request: { url: string; header(name: string): string | null },
  allowlist: readonly string[],
): string | null {
  const origin = request.header("origin");
  if (!origin) return null;
  if (!originAllowed(origin, request.url, allowlist)) {
    throw new ApiError(
      "forbidden",
      `Origin ${origin} is not allowed for this workspace; add it under Settings → API keys → Allowed origins`,
    );
  }
  return origin;
}
