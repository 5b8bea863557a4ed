/** Why a value holding U+0000 is refused: Postgres can store it in neither text nor jsonb. */
export const NUL_MESSAGE = "must not contain the NUL character (U+0000)";

/** How U+0000 always appears in JSON text (JSON.stringify writes it so, and a raw one is not valid JSON). */
const ESCAPED_NUL = "\\u0000";

/** Whether JSON text may hold U+0000 somewhere (a cheap first look: `\\u0000` written out also matches). */
export const mayHoldNul = (json: string) => json.includes(ESCAPED_NUL);

/**
 * The path of the first string or object key that holds U+0000 in a parsed
 * JSON value, or null if none does. Depth-first, without recursion. Pure.
 */
export function nulPath(value: unknown): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (key.includes("\u0000")) return [...path, key];
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}
