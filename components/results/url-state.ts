import { resultsQuerySchema, type ResultsQuery } from "@/lib/results/schema";

/** The query-string keys the results page keeps its controls in (the API's names, so a link reads like the API). */
export const PARAM_KEYS = [
  "engine",
  "correction",
  "alpha",
  "mde",
  "tuningParameter",
  "phase",
  "dimension",
  "segmentId",
] as const;
export type ParamKey = (typeof PARAM_KEYS)[number];

export type ResultsUrlState = {
  /** What is asked of the server: the valid part of the URL, defaults for the rest. */
  query: ResultsQuery;
  /** The raw values in the URL, for the controls (an invalid value is still shown, with its error). */
  raw: Partial<Record<ParamKey, string>>;
  /** Per key, why its value in the URL was not used. */
  errors: Partial<Record<ParamKey, string>>;
};

/** zod's generic messages in the page's words; the schema's own messages ("At most 0.2") stay. */
function messageOf(code: string, message: string): string {
  if (code === "invalid_value") return "Not one of the choices";
  if (code === "invalid_type") return "Not a number";
  return message;
}

const isParamKey = (key: unknown): key is ParamKey => (PARAM_KEYS as readonly unknown[]).includes(key);

/**
 * Reads the controls from a URL's query string: a value the schema refuses is
 * left out (its default applies) and its message kept for the form, so a
 * hand-edited or stale link shows the results and says what it ignored
 * instead of failing. A segment breakdown without a segment asks for one and
 * shows no breakdown meanwhile.
 */
export function readResultsParams(params: { get(key: string): string | null }): ResultsUrlState {
  const raw: Partial<Record<ParamKey, string>> = {};
  for (const key of PARAM_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  const errors: Partial<Record<ParamKey, string>> = {};
  const used: Partial<Record<ParamKey, string>> = { ...raw };
  // Each round drops the keys refused; a refinement over two keys may need a second round.
  for (let round = 0; round <= PARAM_KEYS.length; round++) {
    const parsed = resultsQuerySchema.safeParse(used);
    if (parsed.success) return { query: parsed.data, raw, errors };
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (!isParamKey(key)) continue;
      errors[key] ??= messageOf(issue.code, issue.message);
      delete used[key];
      // No breakdown until its segment is chosen.
      if (key === "segmentId") delete used.dimension;
    }
  }
  return { query: resultsQuerySchema.parse({}), raw, errors };
}

/**
 * The query string after changing some controls: null or "" removes a key
 * (its default applies), other keys are kept as they are.
 */
export function withParams(
  current: { toString(): string },
  changes: Partial<Record<ParamKey, string | number | null>>,
): string {
  const next = new URLSearchParams(current.toString());
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  return next.toString();
}
