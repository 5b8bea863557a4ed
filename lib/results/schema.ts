import { z } from "zod";
import { DEFAULT_SEQUENTIAL_TUNING_PARAMETER } from "@/lib/stats/sequential";
import { CORRECTIONS, ENGINES } from "./types";

export const DIMENSION_KEYS = ["device", "country", "returning", "segment"] as const;

/**
 * What a reader of the results chooses (the page's controls, kept in its URL,
 * and the API's query): each has a default, so an empty query is valid.
 * The engine defaults to the experiment's (or the workspace's).
 */
export const resultsQuerySchema = z
  .object({
    engine: z.enum(ENGINES as [string, ...string[]]).optional(),
    correction: z.enum(CORRECTIONS as [string, ...string[]]).default("holm"),
    alpha: z.coerce.number().min(0.001, "From 0.001").max(0.2, "At most 0.2").default(0.05),
    mde: z.coerce.number().gt(0, "Above 0").max(5, "At most 500 %").default(0.1),
    tuningParameter: z.coerce
      .number()
      .int("A whole number")
      .min(100, "At least 100")
      .max(100_000_000, "At most 100,000,000")
      .default(DEFAULT_SEQUENTIAL_TUNING_PARAMETER),
    phase: z.coerce.number().int().min(1).max(10_000).optional(),
    dimension: z.enum(DIMENSION_KEYS).optional(),
    segmentId: z.string().min(1).max(64).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.dimension === "segment" && !q.segmentId)
      ctx.addIssue({ code: "custom", path: ["segmentId"], message: "Choose the segment to break down by" });
  });
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;
