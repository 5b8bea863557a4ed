const BASE = "http://same-site.invalid";

/**
 * A same-site path to return to after sign-in; anything else becomes "/".
 * Browsers drop tabs and newlines from a URL and read `\` as `/`, so
 * `/\t/evil.example` would leave the site, and a newline cannot go in a
 * Location header: a value with a control character or a backslash is
 * refused outright, and what is left must resolve on this site, as a path.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 500 || !value.startsWith("/")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || value.startsWith("//")) return "/";
  return url.pathname + url.search + url.hash;
}
