import { z } from "zod";
import { experimentInputSchema } from "./schema";

/** `GET /api/v1/experiments` query. */
export const listExperimentsQuerySchema = z.object({
  status: z.enum(["draft", "running", "paused", "stopped", "archived"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** `POST /api/v1/experiments` body: the wizard's input. */
export const createExperimentBodySchema = experimentInputSchema;

/** `PATCH /api/v1/experiments/{id}` body: any top-level fields of the input, replacing the current ones. */
export const updateExperimentBodySchema = z
  .record(z.string().max(40), z.unknown())
  .refine((b) => Object.keys(b).length > 0, "Send at least one field to change");

export const EXPERIMENT_STEPS = ["start", "pause", "resume", "stop", "archive", "rerandomize"] as const;

/** `POST /api/v1/experiments/{id}/{step}` body: for stop, the winner by variation key (or none). */
export const stepExperimentBodySchema = z
  .object({ winner: z.string().max(64).nullable().default(null) })
  .default({ winner: null });
