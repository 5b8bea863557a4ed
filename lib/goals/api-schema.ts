import { z } from "zod";
import { goalInputSchema } from "@/lib/experiments/schema";

/** `POST /api/v1/goals` body: the goals page's input. */
export const createGoalBodySchema = goalInputSchema;

/** `PATCH /api/v1/goals/{id}` body: any fields of the input, replacing the current ones. */
export const updateGoalBodySchema = z
  .record(z.string().max(40), z.unknown())
  .refine((b) => Object.keys(b).length > 0, "Send at least one field to change");
