import { z } from "zod";
import { goalFiltersSchema } from "@/lib/experiments/schema";

/**
 * Funnels: ordered steps, each an event name with property filters. A visitor enters with their first event of
 * step 1 on the chosen days; they reach step k when an event of step k follows their step k − 1 and comes within
 * the conversion window of their entry (later steps may fall after the range's last day). Each step's
 * conversion is from the first step and from the previous one; the median time is between a visitor's step
 * k − 1 and step k. A split groups the entrants by their device at entry (that event's user agent), by whether
 * they were in a segment at entry, or by their variation of an experiment (its assignments).
 */
export const MAX_FUNNEL_STEPS = 6;

const stepSchema = z.object({
  eventName: z.string().trim().min(1, "Name the event").max(200),
  filters: goalFiltersSchema.default([]),
});

export const FUNNEL_SPLITS = ["none", "device", "segment", "experiment"] as const;
export type FunnelSplit = (typeof FUNNEL_SPLITS)[number];

export const funnelInputSchema = z
  .object({
    steps: z
      .array(stepSchema)
      .min(2, "A funnel has at least 2 steps")
      .max(MAX_FUNNEL_STEPS, `At most ${MAX_FUNNEL_STEPS} steps`),
    windowDays: z.number().int().min(1, "At least 1 day").max(90, "At most 90 days").default(7),
    split: z.enum(FUNNEL_SPLITS).default("none"),
    segmentId: z.string().min(1).max(64).optional(),
    experimentId: z.string().min(1).max(64).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.split === "segment" && !f.segmentId)
      ctx.addIssue({ code: "custom", path: ["segmentId"], message: "Choose the segment to split by" });
    if (f.split === "experiment" && !f.experimentId)
      ctx.addIssue({ code: "custom", path: ["experimentId"], message: "Choose the experiment to split by" });
  });
export type FunnelInput = z.output<typeof funnelInputSchema>;

/** A group's count at each step and the median seconds from the step before (null at step 1 or without any). */
export type FunnelGroupCounts = { group: string; counts: number[]; medianSeconds: (number | null)[] };

export type FunnelStepResult = {
  count: number;
  /** count / the first step's; null without entrants. */
  fromFirst: number | null;
  /** count / the previous step's (1 at the first step); null when the previous had none. */
  fromPrevious: number | null;
  /** How many of the previous step's did not reach this one (0 at the first). */
  dropOff: number;
  medianSeconds: number | null;
};

export type FunnelGroup = { group: string; label: string; steps: FunnelStepResult[] };

/** Each step's conversion from the first and the previous step, and the drop-off, from the counts. */
export function funnelSteps(g: FunnelGroupCounts): FunnelStepResult[] {
  const first = g.counts[0] ?? 0;
  return g.counts.map((count, i) => {
    const previous = i === 0 ? count : g.counts[i - 1]!;
    return {
      count,
      fromFirst: first > 0 ? count / first : null,
      fromPrevious: i === 0 ? (count > 0 ? 1 : null) : previous > 0 ? count / previous : null,
      dropOff: i === 0 ? 0 : previous - count,
      medianSeconds: g.medianSeconds[i] ?? null,
    };
  });
}
