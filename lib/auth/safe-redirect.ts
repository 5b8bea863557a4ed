/** A same-site path to return to after sign-in; anything else (absolute URLs, `//host`) becomes "/". */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  return value.slice(0, 500);
}
