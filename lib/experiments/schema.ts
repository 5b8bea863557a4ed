import { z } from "zod";
import { propertyFilterSchema, ruleGroupSchema } from "@/lib/segments/schema";

/** Keys of experiments, variations, factors and levels: what storefront code and the admin API name them by. */
export const experimentKeySchema = z
  .string()
  .trim()
  .min(1, "Give it a key")
  .max(64, "At most 64 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Lowercase letters, digits, - and _ (starting with a letter or digit)");

const name = z.string().trim().min(1, "Give it a name").max(120, "At most 120 characters");
const id = z.string().min(1).max(64);

/** A JSON value a flag variation carries (bounded: at most 4 KB once serialized). */
export const flagValueSchema = z
  .json()
  .refine((v) => JSON.stringify(v).length <= 4096, "A flag's value is at most 4 KB of JSON");

/** One level of a factor: a content variant of the factor's placement, or its default (`variantId` null). */
export const levelSchema = z.object({ key: experimentKeySchema, name, variantId: id.nullable() });

/** One factor of a multivariate test: a placement and 2–5 levels; the first level is the control. */
export const factorSchema = z.object({
  key: experimentKeySchema,
  name,
  placementId: id,
  levels: z.array(levelSchema).min(2, "A factor has at least two levels").max(5, "At most 5 levels per factor"),
});
/** The `factors` column: 1–4 factors, at most 32 cells in all. */
export const factorsSchema = z
  .array(factorSchema)
  .min(1, "A multivariate test has at least one factor")
  .max(4, "At most 4 factors")
  .refine((fs) => fs.reduce((n, f) => n * f.levels.length, 1) <= 32, "At most 32 combinations (cells) in all");
export type Factor = z.infer<typeof factorSchema>;

/** The `payload` column of a variation: a flag's value, or the level of each factor of a multivariate cell. */
export const variationPayloadSchema = z.object({
  value: flagValueSchema.optional(),
  levels: z.record(z.string(), z.string()).optional(),
});
export type VariationPayload = z.infer<typeof variationPayloadSchema>;

/** Targeting: a saved segment, an inline rule, or neither (everyone). */
export const targetingSchema = z.object({
  segmentId: id.nullable().default(null),
  rule: ruleGroupSchema.nullable().default(null),
});
/** The `targeting` column of a phase: its targeting as it was. */
export const phaseTargetingSchema = targetingSchema;

/** The `filters` column of a goal: property filters its events must pass. */
export const goalFiltersSchema = z.array(propertyFilterSchema).max(10, "At most 10 filters");

export const GOAL_KINDS = ["conversion", "count", "sum", "ratio"] as const;
/** Sum and ratio goals add up a number property per unit (`valueProperty`); only such values can be capped. */
export const goalAddsUpValue = (kind: (typeof GOAL_KINDS)[number]) => kind === "sum" || kind === "ratio";
export const GOAL_ROLES = ["primary", "secondary", "guardrail"] as const;
export const EXPERIMENT_TYPES = ["ab", "multivariate", "flag"] as const;
export const UNIT_TYPES = ["anonymous_id", "user_id"] as const;

/** A goal as the goals page and the admin API write it. */
export const goalInputSchema = z
  .object({
    name,
    description: z.string().max(500).default(""),
    eventName: z.string().trim().min(1, "Name the event").max(200),
    kind: z.enum(GOAL_KINDS).default("conversion"),
    valueProperty: z.string().trim().max(120).nullable().default(null),
    filters: goalFiltersSchema.default([]),
    windowDays: z.number().int().min(1, "At least 1 day").max(90, "At most 90 days").default(7),
    capPercentile: z
      .number()
      .min(0.9, "Cap at the 90th percentile or above")
      .max(0.9999, "Cap at the 99.99th percentile or below")
      .nullable()
      .default(null)
      .describe(
        "Sum and ratio goals: per-unit values above this percentile of all units' are capped to it (winsorized)",
      ),
    lowerIsBetter: z
      .boolean()
      .default(false)
      .describe(
        "A fall is the good news (refunds, support tickets): a negative lift reads as better, and as a guardrail the goal is worse when it rises",
      ),
  })
  .superRefine((g, ctx) => {
    if (goalAddsUpValue(g.kind) && !g.valueProperty)
      ctx.addIssue({
        code: "custom",
        path: ["valueProperty"],
        message: `A ${g.kind} goal needs the property to add up`,
      });
    if (g.capPercentile !== null && !goalAddsUpValue(g.kind))
      ctx.addIssue({
        code: "custom",
        path: ["capPercentile"],
        message: `Only sum and ratio goals can cap outliers (this is a ${g.kind} goal)`,
      });
  });
export type GoalInput = z.infer<typeof goalInputSchema>;

/**
 * One variation as written: A/B arms name a content variant of the experience (null: the placement's default) or
 * bring new content (`body`, a template like the content editor's, added to the experience as a variant); flags carry
 * a value.
 */
export const variationInputSchema = z.object({
  key: experimentKeySchema,
  name,
  weight: z.number().positive("A weight is above 0").max(1000).default(1),
  variantId: id.nullable().default(null),
  body: z.string().max(50_000, "At most 50,000 characters").optional(),
  value: flagValueSchema.optional(),
});

const optionalDate = z.iso.datetime({ offset: true }).nullable().default(null);

/** An experiment as the wizard and the admin API write it (the same checks for both). */
export const experimentInputSchema = z
  .object({
    key: experimentKeySchema,
    name,
    hypothesis: z.string().max(2000).default(""),
    type: z.enum(EXPERIMENT_TYPES),
    /** A/B: the experience whose targeted visitors are split. */
    experienceId: id.nullable().default(null),
    /** A/B and flag: the arms, the first is the control. Multivariate: made from the factors. */
    variations: z.array(variationInputSchema).max(10, "At most 10 variations").default([]),
    factors: factorsSchema.nullable().default(null),
    targeting: targetingSchema.default({ segmentId: null, rule: null }),
    coverage: z.number().min(0, "0 % to 100 %").max(1, "0 % to 100 %").default(1),
    unitType: z.enum(UNIT_TYPES).default("anonymous_id"),
    layerId: id.nullable().default(null),
    /** The experiment's share of its layer's traffic. */
    layerShare: z.number().gt(0, "More than 0 %").max(1, "At most 100 %").default(1),
    startsAt: optionalDate,
    endsAt: optionalDate,
    goals: z
      .array(z.object({ goalId: id, role: z.enum(GOAL_ROLES) }))
      .max(20, "At most 20 goals")
      .default([]),
    /** Run as a multi-armed bandit: the weights follow the primary goal (Thompson sampling, top-two from three arms; on a schedule). */
    bandit: z.boolean().default(false),
    /** CUPED: days before each unit's first exposure whose value of the same goal adjusts its result; 0: off. */
    cupedDays: z.number().int("Whole days").min(0, "0 (off) to 60 days").max(60, "At most 60 days").default(14),
  })
  .superRefine((e, ctx) => {
    if (e.type === "multivariate") {
      if (!e.factors) ctx.addIssue({ code: "custom", path: ["factors"], message: "Add the factors and their levels" });
    } else if (e.variations.length < 2)
      ctx.addIssue({
        code: "custom",
        path: ["variations"],
        message: "At least two variations (a control and one more)",
      });
    if (e.type === "ab" && !e.experienceId)
      ctx.addIssue({ code: "custom", path: ["experienceId"], message: "Choose the experience to test" });
    if (e.type === "flag")
      e.variations.forEach((v, i) => {
        if (v.value === undefined)
          ctx.addIssue({ code: "custom", path: ["variations", i, "value"], message: "A flag variation needs a value" });
      });
    const keys = new Set<string>();
    e.variations.forEach((v, i) => {
      if (keys.has(v.key))
        ctx.addIssue({ code: "custom", path: ["variations", i, "key"], message: "Keys must differ" });
      keys.add(v.key);
    });
    if (e.startsAt && e.endsAt && Date.parse(e.endsAt) <= Date.parse(e.startsAt))
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Ends after it starts" });
    if (e.targeting.segmentId && e.targeting.rule)
      ctx.addIssue({ code: "custom", path: ["targeting"], message: "Target a saved segment or a rule, not both" });
    if (e.bandit && e.type === "multivariate")
      ctx.addIssue({
        code: "custom",
        path: ["bandit"],
        message: "A multivariate test splits traffic evenly over its cells, so that its effects can be measured",
      });
    const roles = e.goals.filter((g) => g.role === "primary").length;
    if (roles > 1) ctx.addIssue({ code: "custom", path: ["goals"], message: "One primary goal at most" });
  });
export type ExperimentInput = z.infer<typeof experimentInputSchema>;
