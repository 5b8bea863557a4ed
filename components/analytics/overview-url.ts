import type { z } from "zod";
import { breakdownInputSchema, MAX_SEGMENTS } from "@/lib/analytics/breakdown";
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

/** The breakdown in the URL (`by=device`, `segments=id1,id2`): a dimension that is not one falls back to the source. */
export function readBreakdownParams(params: { get(key: string): string | null }): {
  input: z.output<typeof breakdownInputSchema>;
  error: string | null;
} {
  const segmentIds = (params.get("segments") ?? "").split(",").filter(Boolean);
  const parsed = breakdownInputSchema.safeParse({ by: params.get("by") ?? undefined, segmentIds });
  if (parsed.success) return { input: parsed.data, error: null };
  const issue = parsed.error.issues[0]!;
  const fallback = issue.path[0] === "segmentIds" && params.get("by") === "segment" ? "segment" : "source";
  return {
    input: { by: fallback, segmentIds: fallback === "segment" ? segmentIds.slice(0, MAX_SEGMENTS) : [] },
    error: issue.code === "invalid_value" ? "Not one of the choices" : issue.message,
  };
}

/** The query string with the breakdown set (the default source and an empty segment list left out). */
export function withBreakdown(params: { toString(): string }, change: { by?: string; segmentIds?: string[] }): string {
  const next = new URLSearchParams(params.toString());
  if (change.by !== undefined) next.set("by", change.by);
  if (change.segmentIds !== undefined) next.set("segments", change.segmentIds.join(","));
  if (next.get("by") === "source") next.delete("by");
  if (next.get("by") !== "segment" || next.get("segments") === "") next.delete("segments");
  return next.toString();
}
