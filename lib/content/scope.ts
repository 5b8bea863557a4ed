import type { TemplateData } from "./types";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const EMPTY: Record<string, unknown> = Object.freeze(Object.create(null));

/**
 * What a render sees. `environment` holds `traits`, `computed` and `context`
 * (a fresh object with no prototype: `{% increment %}` writes to it, and it
 * must not reach the caller's data or Object.prototype); `globals` are the
 * traits themselves, read without copying, so `{{ first_name }}` works. The
 * three names win over a trait of the same name.
 */
export function renderScope(data: TemplateData): {
  environment: Record<string, unknown>;
  globals: Record<string, unknown>;
} {
  const traits = isRecord(data?.traits) ? data.traits : EMPTY;
  const environment: Record<string, unknown> = Object.create(null);
  environment.traits = traits;
  environment.computed = isRecord(data?.computed) ? data.computed : EMPTY;
  environment.context = isRecord(data?.context) ? data.context : EMPTY;
  return { environment, globals: traits };
}
