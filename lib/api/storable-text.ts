// Text Postgres cannot store: U+0000 (in neither text nor jsonb) and unpaired
// UTF-16 surrogates (jsonb refuses their \u escapes). JSON input may carry
// both as escapes; they are refused with their path, like any bad field.

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
