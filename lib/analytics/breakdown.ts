import { z } from "zod";
import { figuresOf, type Figures, type PeriodCounts } from "./figures";

/**
 * Breakdowns of the overview's figures. A visitor's source, medium, campaign, referrer and device are those of
 * their first event on the chosen days (first touch within the range); their country is the event's
 * `context.location.country`, else the profile's `country` trait. A segment's row counts the visitors who were
 * members at some time on those days (a membership that began before the range's end and had not ended before
 * its start), so one visitor can be in several segments' rows.
 */
export const BREAKDOWN_DIMENSIONS = [
  "source",
  "medium",
  "campaign",
  "referrer",
  "device",
  "country",
  "segment",
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<BreakdownDimension, string> = {
  source: "Traffic source",
  medium: "Medium",
  campaign: "Campaign",
  referrer: "Referrer",
  device: "Device",
  country: "Country",
  segment: "Segment",
};

/** The most values a breakdown lists by visitors; the rest are added up as "(other)". */
export const MAX_BREAKDOWN_ROWS = 20;
/** The most segments compared at once. */
export const MAX_SEGMENTS = 10;

export const breakdownInputSchema = z
  .object({
    by: z.enum(BREAKDOWN_DIMENSIONS).default("source"),
    segmentIds: z
      .array(z.string().min(1).max(64))
      .max(MAX_SEGMENTS, `Compare at most ${MAX_SEGMENTS} segments`)
      .default([]),
  })
  .superRefine((b, ctx) => {
    if (b.by === "segment" && b.segmentIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["segmentIds"], message: "Choose the segments to compare" });
  });

export type BreakdownRow = { value: string; label: string; figures: Figures };

/**
 * The rows of a breakdown from the counts per value: ordered by visitors (then by name), the first
 * MAX_BREAKDOWN_ROWS kept and the rest added up into one "(other)" row; segments are kept in the order chosen.
 */
export function breakdownRows(
  by: BreakdownDimension,
  counts: readonly { value: string; label: string; counts: PeriodCounts }[],
): BreakdownRow[] {
  const rows = counts.map((c) => ({ value: c.value, label: c.label, figures: figuresOf(c.counts) }));
  if (by === "segment") return rows;
  const sorted = [...rows].sort((a, b) => b.figures.visitors - a.figures.visitors || a.label.localeCompare(b.label));
  if (sorted.length <= MAX_BREAKDOWN_ROWS) return sorted;
  const rest = sorted.slice(MAX_BREAKDOWN_ROWS);
  const sum = (k: keyof PeriodCounts) => rest.reduce((n, r) => n + r.figures[k], 0);
  return [
    ...sorted.slice(0, MAX_BREAKDOWN_ROWS),
    {
      value: "(other)",
      label: `(${rest.length} other values)`,
      figures: figuresOf({
        visitors: sum("visitors"),
        identified: sum("identified"),
        buyers: sum("buyers"),
        orders: sum("orders"),
        revenue: sum("revenue"),
      }),
    },
  ];
}
