/**
 * Links in personalized HTML that a browser would run as script are
 * neutralized: a trait such as `javascript:alert(1)` placed into
 * `href="{{ … }}"` is HTML-escaped by the engine, yet still a script URL.
 * Every URL attribute of rendered HTML is checked; a value whose scheme is
 * not http(s), mailto, tel, sms (or an image as `data:image/…`) becomes `#`.
 * Relative URLs pass. Pure.
 */

/** Attributes a browser follows, submits to or loads as a URL. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "poster",
  "background",
  "cite",
  "xlink:href",
]);
/** A URL attribute and its value (quoted or not). */
const URL_ATTRIBUTE = new RegExp(
  `(\\s(?:${[...URL_ATTRIBUTES].join("|")})\\s*=\\s*)(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`,
  "gi",
);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel", "sms"]);
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
};

/** The attribute value as the browser reads it: character references decoded once. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The URL an attribute value stands for, as the browser reads it: entities decoded, ignored characters gone. */
function urlOf(attributeValue: string): string {
  // browsers ignore ASCII tabs and newlines anywhere in a URL, and leading spaces and control characters
  return decodeEntities(attributeValue)
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+/, "");
}

/** The scheme of the URL an attribute value stands for, in lowercase (`jav&#x61;script:` is `javascript`); null when relative. */
export function urlScheme(attributeValue: string): string | null {
  return SCHEME.exec(urlOf(attributeValue))?.[1]?.toLowerCase() ?? null;
}

/** Whether a browser would treat this attribute value as a harmless URL. */
export function isSafeUrl(attributeValue: string): boolean {
  const url = urlOf(attributeValue);
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return true; // relative: same site
  return SAFE_SCHEMES.has(scheme) || (scheme === "data" && /^data:image\/(?:png|gif|jpe?g|webp|avif);/i.test(url));
}

/** The HTML with every unsafe URL attribute value replaced by `#`. */
export function neutralizeUnsafeUrls(html: string): string {
  if (!html.includes("=")) return html;
  return html.replace(URL_ATTRIBUTE, (whole, head: string, double?: string, single?: string, bare?: string) => {
    const value = double ?? single ?? bare ?? "";
    if (isSafeUrl(value)) return whole;
    return `${head}${double !== undefined ? '"#"' : single !== undefined ? "'#'" : "#"}`;
  });
}
