import type { z } from "zod";
import { rangeInputSchema } from "@/lib/analytics/range";

/** The query-string keys the overview keeps its range in (the query's own names). */
export const RANGE_KEYS = ["preset", "from", "to", "compare"] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

export type OverviewUrlState = {
  /** What is asked of the server: the valid part of the URL, the defaults for the rest. */
  input: z.output<typeof rangeInputSchema>;
  raw: Partial<Record<RangeKey, string>>;
  /** Why a value in the URL was not used (the default applies instead). */
  errors: Partial<Record<RangeKey, string>>;
};

/**
 * Reads the range from a URL: a value the schema refuses is dropped with its message kept, and a custom range
 * that cannot be used falls back to the default preset, so a stale or hand-edited link still shows figures and
 * says what it ignored.
 */
export function readRangeParams(params: { get(key: string): string | null }): OverviewUrlState {
  const raw: Partial<Record<RangeKey, string>> = {};
  for (const key of RANGE_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  const parsed = rangeInputSchema.safeParse(raw);
  if (parsed.success) return { input: parsed.data, raw, errors: {} };
  const errors: Partial<Record<RangeKey, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as RangeKey;
    errors[key] ??= issue.code === "invalid_value" ? "Not one of the choices" : issue.message;
  }
  const used: Partial<Record<RangeKey, string>> = { ...raw };
  for (const key of Object.keys(errors) as RangeKey[]) delete used[key];
  // a custom range with a bad end is no range at all: back to the default preset
  if (errors.from || errors.to || errors.preset) {
    delete used.preset;
    delete used.from;
    delete used.to;
  }
  return { input: rangeInputSchema.parse(used), raw, errors };
}

/** The query string with the range set (a preset drops the custom days; defaults are left out). */
export function withRange(
  params: { toString(): string },
  change: { preset?: string; from?: string; to?: string; compare?: string },
): string {
  const next = new URLSearchParams(params.toString());
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, value);
  }
  if (next.get("preset") !== "custom") {
    next.delete("from");
    next.delete("to");
  }
  if (next.get("preset") === "30d") next.delete("preset");
  if (next.get("compare") === "previous") next.delete("compare");
  return next.toString();
}
