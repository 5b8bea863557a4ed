import { z } from "zod";
import { DIMENSION_KEYS } from "@/lib/results/schema";
import { CORRECTIONS, ENGINES } from "@/lib/results/types";

// The response of GET /api/v1/experiments/{id}/results (`LoadedResults` of lib/results/db/load-results.ts).

const engine = z.enum(ENGINES as [string, ...string[]]);
const interval = z.tuple([z.number(), z.number()]);

const effectSchema = z.union([
  z.object({
    computable: z.literal(true),
    lift: z.number().describe("Relative lift (B − A)/A"),
    interval: interval.describe("Confidence interval, confidence sequence or credible interval of the lift, by engine"),
    standardError: z.number(),
    pValue: z.number().nullable().describe("Frequentist and sequential engines; null for Bayesian"),
    adjustedPValue: z.number().nullable().describe("After the correction across variations × metrics (guardrails raw)"),
    chanceToWin: z
      .number()
      .nullable()
      .describe("Bayesian engine: P(B beats A), that is P(B < A) when the goal's lower is better"),
    risk: z.object({ control: z.number(), treatment: z.number() }).nullable(),
    theta: z.number().nullable().describe("CUPED's θ when the covariate adjusted the metric"),
    significant: z.boolean(),
    direction: z
      .enum(["better", "worse"])
      .nullable()
      .describe("When significant: a rise is better, or a fall when the metric's `lowerIsBetter`"),
  }),
  z.object({ computable: z.literal(false), reason: z.string() }),
]);

const metricSchema = z.object({
  goalId: z.string(),
  name: z.string(),
  role: z.enum(["primary", "secondary", "guardrail"]),
  kind: z.enum(["conversion", "count", "sum", "ratio"]),
  valueLabel: z.string(),
  windowDays: z.number().int(),
  lowerIsBetter: z.boolean().describe("The goal is better when it falls (refunds, support tickets)"),
  cuped: z.boolean(),
  cap: z.number().nullable().describe("The winsorizing cap on per-unit values, if the goal has a percentile"),
  arms: z.array(
    z.object({
      variationId: z.string(),
      key: z.string(),
      name: z.string(),
      isControl: z.boolean(),
      units: z.number().int(),
      numerator: z.number(),
      denominator: z.number(),
      value: z.number().nullable(),
      effect: effectSchema.nullable().describe("Against the control; null on the control's row"),
    }),
  ),
  cumulative: z.array(
    z.object({
      day: z.string(),
      byVariation: z.record(z.string(), z.object({ lift: z.number(), low: z.number(), high: z.number() }).nullable()),
    }),
  ),
});

export const experimentResultsSchema = z.object({
  experimentId: z.string(),
  key: z.string(),
  name: z.string(),
  type: z.enum(["ab", "multivariate", "flag"]),
  status: z.string(),
  phase: z.number().int(),
  bandit: z.boolean(),
  settings: z.object({
    engine,
    alpha: z.number(),
    correction: z.enum(CORRECTIONS as [string, ...string[]]),
    mde: z.number(),
    tuningParameter: z.number(),
  }),
  computedAt: z.iso.datetime(),
  traffic: z.array(z.object({ variationId: z.string(), units: z.number().int(), expectedShare: z.number() })),
  srm: z.object({ pValue: z.number(), flagged: z.boolean() }).nullable(),
  multipleExposures: z.number().int(),
  metrics: z.array(metricSchema),
  factorial: z
    .object({
      metric: z.string(),
      lowerIsBetter: z.boolean(),
      factors: z.array(z.object({ key: z.string(), name: z.string(), levels: z.array(z.string()) })),
      effects: z.array(
        z.object({
          kind: z.enum(["main", "interaction"]),
          label: z.string(),
          effect: z.number().describe("Absolute difference of the per-unit mean"),
          interval,
          pValue: z.number(),
          significant: z.boolean(),
        }),
      ),
    })
    .nullable(),
  banditSummary: z
    .object({
      weights: z.record(z.string(), z.number()),
      history: z.array(
        z.object({
          at: z.iso.datetime(),
          weights: z.record(z.string(), z.number()),
          chances: z.record(z.string(), z.number()).nullable(),
        }),
      ),
    })
    .nullable(),
  recommendation: z.object({
    verdict: z.enum(["ship", "guardrail", "worse", "keep_running", "no_difference", "srm", "not_enough_data"]),
    text: z.string(),
    winnerVariationId: z.string().nullable(),
    daysRemaining: z.number().int().nullable(),
  }),
  dimension: z
    .object({
      key: z.enum(DIMENSION_KEYS),
      label: z.string(),
      rows: z.array(z.object({ value: z.string(), metric: metricSchema })),
    })
    .nullable(),
  engineIsDefault: z
    .boolean()
    .describe("The numbers are read by the experiment's default engine, and it follows the workspace's"),
  defaultEngine: engine.describe("The experiment's default engine: its own choice, else the workspace's"),
  experimentEngine: engine.nullable().describe("The experiment's own choice; null: it follows `workspaceEngine`"),
  workspaceEngine: engine.describe("The workspace's default engine (Settings)"),
});
