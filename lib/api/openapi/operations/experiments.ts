import { z } from "zod";
import {
  EXPERIMENT_STEPS,
  createExperimentBodySchema,
  listExperimentsQuerySchema,
  stepExperimentBodySchema,
  updateExperimentBodySchema,
} from "@/lib/experiments/api-schema";
import { EXPERIMENT_TYPES, GOAL_ROLES, UNIT_TYPES, factorsSchema } from "@/lib/experiments/schema";
import { ruleGroupSchema } from "@/lib/segments/schema";
import { resultsQuerySchema } from "@/lib/results/schema";
import { defineApiArea } from "../operation";
import { experimentResultsSchema } from "./experiment-results";

const STATUSES = listExperimentsQuerySchema.shape.status.unwrap().options;
const instant = z.iso.datetime();

/** An experiment as the admin API shows it (`ExperimentResource` of `lib/experiments/db/experiment-resource.ts`). */
const experimentResourceSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  hypothesis: z.string(),
  type: z.enum(EXPERIMENT_TYPES),
  status: z.enum(STATUSES),
  experienceId: z.string().nullable(),
  placementId: z.string().nullable(),
  variations: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      weight: z.number(),
      control: z.boolean(),
      variantId: z.string().nullable(),
      value: z.unknown().optional().describe("A flag variation's value"),
      levels: z.record(z.string(), z.string()).optional().describe("A multivariate cell's level of each factor"),
    }),
  ),
  factors: factorsSchema.nullable(),
  targeting: z.object({ segmentId: z.string().nullable(), rule: ruleGroupSchema.nullable() }),
  coverage: z.number(),
  unitType: z.enum(UNIT_TYPES),
  layerId: z.string().nullable(),
  layerShare: z.number(),
  layerSlice: z.object({ start: z.number(), end: z.number().nullable() }).nullable(),
  seed: z.string(),
  startsAt: instant.nullable(),
  endsAt: instant.nullable(),
  winnerVariationId: z.string().nullable(),
  bandit: z.boolean().describe("Runs as a multi-armed bandit: the weights follow the primary goal on a schedule"),
  cupedDays: z.number().int().describe("CUPED's pre-exposure period in days (0: off)"),
  statsEngine: z
    .enum(["frequentist", "sequential", "bayesian"])
    .nullable()
    .describe("The results engine; null: the workspace's default"),
  goals: z.array(z.object({ goalId: z.string(), role: z.enum(GOAL_ROLES) })),
  phases: z.array(
    z.object({
      index: z.number().int(),
      startedAt: instant,
      endedAt: instant.nullable(),
      seed: z.string(),
      coverage: z.number(),
      weights: z.array(z.number()),
      reason: z.string(),
    }),
  ),
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const admin = { auth: "admin" } as const;
const EXPERIMENT_404 = "`not_found`: no such experiment in this workspace";
const CREATE_EXAMPLE = {
  key: "checkout-steps",
  name: "Checkout in one step",
  type: "flag",
  variations: [
    { key: "three", name: "Three steps", value: { steps: 3 } },
    { key: "one", name: "One step", value: { steps: 1 } },
  ],
  coverage: 0.5,
};

export const experimentsArea = defineApiArea({
  tag: {
    name: "Experiments",
    description:
      "The admin API of experiments (admin keys): the dashboard's own checks and audit log, with the key as the actor.",
  },
  components: {
    Experiment: experimentResourceSchema,
    ExperimentInput: createExperimentBodySchema,
    RuleGroup: ruleGroupSchema,
    ExperimentResults: experimentResultsSchema,
  },
  operations: [
    {
      ...admin,
      method: "GET",
      path: "/api/v1/experiments",
      operationId: "listExperiments",
      summary: "List the workspace's experiments, newest first",
      query: listExperimentsQuerySchema,
      response: {
        status: 200,
        description: "The experiments",
        schema: z.object({ experiments: z.array(experimentResourceSchema) }),
      },
    },
    {
      ...admin,
      method: "POST",
      path: "/api/v1/experiments",
      operationId: "createExperiment",
      summary: "Create an experiment (a draft)",
      description: "The wizard's input, with the same checks (refusals name each field's path).",
      body: createExperimentBodySchema,
      bodyExample: CREATE_EXAMPLE,
      maxBytes: 256 * 1024,
      response: { status: 201, description: "Created", schema: experimentResourceSchema },
      errors: {
        400: "Bad input, or refused by the wizard's checks: each field's path and reason in `issues` (a key another experiment has is an issue at `key`)",
      },
    },
    {
      ...admin,
      method: "GET",
      path: "/api/v1/experiments/{id}",
      operationId: "getExperiment",
      summary: "One experiment",
      response: { status: 200, description: "The experiment", schema: experimentResourceSchema },
      errors: { 404: EXPERIMENT_404 },
    },
    {
      ...admin,
      method: "PATCH",
      path: "/api/v1/experiments/{id}",
      operationId: "updateExperiment",
      summary: "Change an experiment",
      description:
        "Any top-level fields of the experiment's input (`ExperimentInput`); those sent replace the current ones, and the result is checked as a whole.",
      body: updateExperimentBodySchema,
      bodyExample: { name: "Checkout in one step (v2)", coverage: 1 },
      maxBytes: 256 * 1024,
      response: { status: 200, description: "The experiment as changed", schema: experimentResourceSchema },
      errors: {
        404: EXPERIMENT_404,
        400: "Bad input, or the experiment as changed refused by the wizard's checks (each field's path and reason in `issues`)",
      },
    },
    {
      ...admin,
      method: "GET",
      path: "/api/v1/experiments/{id}/results",
      operationId: "getExperimentResults",
      summary: "An experiment's results: the numbers of its results page",
      description:
        "Computed on each call from SQL sufficient statistics of the phase (the current one unless `phase`): per goal a table of variations with the lift, its interval and p-value (frequentist, sequential) or chance to win (Bayesian), corrected across variations × goals; the split check (SRM); a multivariate test's main effects and interactions; a bandit's weights; the recommendation in words. `dimension` adds a breakdown of the primary goal.",
      query: resultsQuerySchema,
      response: { status: 200, description: "The results", schema: experimentResultsSchema },
      errors: {
        404: "`not_found`: no such experiment (or phase) in this workspace",
        400: "`invalid_query`: a setting out of range (each field's path and reason in `issues`), or a segment not in this workspace",
      },
    },
    {
      ...admin,
      method: "POST",
      path: "/api/v1/experiments/{id}/{step}",
      operationId: "stepExperiment",
      summary: "Start, pause, resume, stop, archive or re-randomize an experiment",
      description: '`stop` may name the winner by variation key (`{"winner": "one"}`); the other steps take no body.',
      pathParams: { step: z.enum(EXPERIMENT_STEPS).describe("What to do") },
      body: stepExperimentBodySchema,
      bodyOptional: true,
      bodyExample: { winner: "one" },
      response: { status: 200, description: "The experiment after the step", schema: experimentResourceSchema },
      errors: {
        404: "`not_found`: no such experiment in this workspace, or no such step",
        400: "`invalid_body`: the step is not possible now (e.g. re-randomizing a draft), or the winner is not a variation of it",
      },
    },
  ],
});
