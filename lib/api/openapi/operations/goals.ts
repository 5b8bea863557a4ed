import { z } from "zod";
import { GOAL_KINDS, GOAL_ROLES } from "@/lib/experiments/schema";
import { createGoalBodySchema, updateGoalBodySchema } from "@/lib/goals/api-schema";
import { defineApiArea } from "../operation";

const GOAL_KIND_DOC =
  "What is measured per unit, from its first exposure to the window's end: `conversion` (did the event at least once, 0 or 1), `count` (the number of events), `sum` (the total of `valueProperty`, e.g. revenue per visitor) or `ratio` (the total of `valueProperty` over the number of events, e.g. revenue per order, analysed by the delta method)";
const CAP_DOC =
  "Sum and ratio goals: each unit's value above this percentile (0.9 to 0.9999) of all units' is capped to it (winsorized), so that a few outliers do not decide; null: no cap";

const use = z.object({ experimentId: z.string(), name: z.string(), status: z.string(), role: z.enum(GOAL_ROLES) });

/** A goal as the admin API shows it (`goalResource` of `lib/goals/as-resource.ts`). */
const goalResourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  eventName: z.string(),
  kind: z.enum(GOAL_KINDS).describe(GOAL_KIND_DOC),
  valueProperty: z.string().nullable().describe("Sum and ratio goals: the number property added up"),
  filters: z.array(z.unknown()).describe("Property filters its events must pass"),
  windowDays: z.number().int(),
  capPercentile: z.number().nullable().describe(CAP_DOC),
  lowerIsBetter: z
    .boolean()
    .describe(
      "A fall is the good news (refunds, support tickets): results read a negative lift as better, the recommendation picks the lowest arm, and as a guardrail the goal is worse when it rises",
    ),
  summary: z.string().describe("The goal in words"),
  usage: z
    .object({
      experiments: z.array(use),
      byRole: z.record(z.enum(GOAL_ROLES), z.number().int()),
      livePrimary: z
        .array(use)
        .describe("Running or paused experiments deciding by it: while any, it cannot be deleted"),
    })
    .describe("The experiments that use it, by role"),
  updatedAt: z.iso.datetime(),
});

const admin = { auth: "admin" } as const;
const GOAL_404 = "`not_found`: no such goal in this workspace";

export const goalsArea = defineApiArea({
  tag: {
    name: "Goals",
    description: "The admin API of goals (admin keys), with the goals page's own checks and audit log.",
  },
  components: { Goal: goalResourceSchema, GoalInput: createGoalBodySchema },
  operations: [
    {
      ...admin,
      method: "GET",
      path: "/api/v1/goals",
      operationId: "listGoals",
      summary: "List the workspace's goals",
      response: { status: 200, description: "The goals", schema: z.object({ goals: z.array(goalResourceSchema) }) },
    },
    {
      ...admin,
      method: "POST",
      path: "/api/v1/goals",
      operationId: "createGoal",
      summary: "Create a goal",
      body: createGoalBodySchema,
      bodyExample: {
        name: "Revenue per order",
        eventName: "Order Completed",
        kind: "ratio",
        valueProperty: "revenue",
        windowDays: 7,
        capPercentile: 0.99,
      },
      response: { status: 201, description: "Created", schema: goalResourceSchema },
      errors: {
        400: "Bad input, or refused by the goals page's checks: each field's path and reason in `issues` (a name another goal has is an issue at `name`; a sum or ratio goal without `valueProperty`, or a cap on a conversion or count goal, an issue at that field)",
      },
    },
    {
      ...admin,
      method: "GET",
      path: "/api/v1/goals/{id}",
      operationId: "getGoal",
      summary: "One goal",
      response: { status: 200, description: "The goal", schema: goalResourceSchema },
      errors: { 404: GOAL_404 },
    },
    {
      ...admin,
      method: "PATCH",
      path: "/api/v1/goals/{id}",
      operationId: "updateGoal",
      summary: "Change a goal",
      description:
        "Any fields of the goal's input (`GoalInput`); those sent replace the current ones. A change of `kind` to `conversion` or `count` drops the goal's `valueProperty` and, unless `capPercentile` is sent too, its cap.",
      body: updateGoalBodySchema,
      bodyExample: { windowDays: 14 },
      response: { status: 200, description: "The goal as changed", schema: goalResourceSchema },
      errors: { 400: "The changed goal fails the input's checks (the field and reason in `issues`)", 404: GOAL_404 },
    },
    {
      ...admin,
      method: "DELETE",
      path: "/api/v1/goals/{id}",
      operationId: "deleteGoal",
      summary: "Delete a goal",
      description: "Refused while a running or paused experiment decides by it (the refusal names the experiment).",
      response: { status: 204, description: "Deleted" },
      errors: { 404: GOAL_404, 409: "`conflict`: a running or paused experiment decides by this goal" },
    },
  ],
});
