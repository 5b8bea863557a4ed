/**
 * Escaping for JSON content. Every `{{ … }}` in a JSON template is written as
 * the inside of a JSON string, so visitor data can never close the string or
 * add keys. `<`, `>`, `&`, U+2028 and U+2029 are written as \u escapes too:
 * still the same JSON, and safe if a storefront inlines it in a <script>.
 */

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

function unicodeEscape(char: string): string {
  return "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0");
}

/** A value as liquidjs writes it to the output: nothing for null/undefined, arrays joined. */
export function outputText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(outputText).join("");
  return String(value);
}

/** The output escaper of JSON content: the value as the inside of a JSON string literal. */
export function escapeJsonString(value: unknown): string {
  return JSON.stringify(outputText(value)).slice(1, -1).replace(SCRIPT_UNSAFE, unicodeEscape);
}

/**
 * A value as a whole JSON value (the `json` filter of JSON content): missing
 * becomes `null`, so `{"tags": {{ traits.tags | json }}}` stays valid JSON.
 */
export function toJsonValue(value: unknown): string {
  const json = JSON.stringify(value ?? null) as string | undefined;
  return (json ?? "null").replace(SCRIPT_UNSAFE, unicodeEscape);
}
