// JSON input Postgres cannot store: text holding U+0000 (in neither text nor
// jsonb) or unpaired UTF-16 surrogates (jsonb refuses their \u escapes),
// refused with their path like any bad field; and values nested so deep that
// Postgres' jsonb parser (and recursive code here) runs out of stack.

/** How deep a request body's arrays and objects may nest (a track's properties start at 2, a batch item's at 4). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, read before
 * it is parsed (brackets inside strings do not count). One pass, no
 * allocation; about a sixth of JSON.parse's time. Pure.
 */
export function nestedDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 34) {
      // a string: on to its closing quote, the next one not escaped by an odd number of backslashes (found natively: strings are most of the text)
      let end = json.indexOf('"', i + 1);
      while (end !== -1) {
        let before = end - 1;
        while (json.charCodeAt(before) === 92) before--;
        if ((end - 1 - before) % 2 === 0) break;
        end = json.indexOf('"', end + 1);
      }
      if (end === -1) return false; // unterminated: not JSON, which the parser says
      i = end;
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return false;
}

export const NUL_MESSAGE = "must not contain the NUL character (U+0000)";
export const SURROGATE_MESSAGE = "must be valid Unicode (it holds an unpaired surrogate, U+D800–U+DFFF)";

/** JSON text that may hold either (a cheap first look, with false alarms: `\\u0000` written out, escaped emoji). */
const MAY_HOLD = /\\u(0000|[dD][89a-fA-F])/;
export const mayHoldUnstorable = (json: string) => MAY_HOLD.test(json);

/** Why a string cannot be stored, or null. */
export function unstorableReason(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  return text.isWellFormed() ? null : SURROGATE_MESSAGE;
}

/**
 * The path of the first string or object key in a parsed JSON value that
 * cannot be stored, with the reason; null if there is none. Depth-first,
 * without recursion. Pure.
 */
export function unstorablePath(value: unknown): { path: (string | number)[]; message: string } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      const message = unstorableReason(v);
      if (message) return { path, message };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const message = unstorableReason(key);
        if (message) return { path: [...path, key], message };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}
