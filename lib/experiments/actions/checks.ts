import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionError } from "@/lib/actions/result";
import { checkSegmentRule } from "@/lib/segments/check-rule";
import { loadSegmentRefs } from "@/lib/segments/db/load-segment-refs";
import { ruleFieldErrors } from "@/lib/segments/issue-paths";
import type { RuleGroup } from "@/lib/segments/schema";
import { checkTemplate } from "@/lib/content/template";
import { factorialCells } from "../cells";
import type { ExperimentInput } from "../schema";

type Tx = Prisma.TransactionClient;

/** An experiment of this workspace, or not_found. */
export async function requireExperiment(tx: Tx, workspaceId: string, experimentId: string) {
  const experiment = await tx.experiment.findFirst({
    where: { id: experimentId, workspaceId },
    include: {
      variations: { orderBy: [{ position: "asc" }, { id: "asc" }] },
      phases: { orderBy: { index: "desc" }, take: 1 },
      goals: true,
    },
  });
  if (!experiment) throw new ActionError("not_found", "This experiment is not in this workspace");
  return experiment;
}
export type LoadedExperiment = Awaited<ReturnType<typeof requireExperiment>>;

const fieldError = (path: string, message: string) => new ActionError("invalid_input", message, { [path]: [message] });

/** The variations to store, in order (the control first): A/B and flag arms as written, multivariate cells from the factors. */
export type PlannedVariation = {
  key: string;
  name: string;
  weight: number;
  variantId: string | null;
  payload: { value?: unknown; levels?: Record<string, string> } | null;
};

/**
 * Checks everything an experiment refers to against this workspace, and
 * says what to store: the A/B test's experience (not a default) and its
 * arms' variants (the experience's own, or null for the placement's
 * default); each factor's placement (one factor per placement) and its
 * levels' variants (of that placement); the targeting segment or rule; the
 * layer; the goals. A reference outside the workspace is a field error.
 */
export async function resolveExperiment(tx: Tx, workspaceId: string, input: ExperimentInput) {
  let placementId: string | null = null;
  let variations: PlannedVariation[];
  if (input.type === "ab") {
    const experience = await tx.experience.findFirst({
      where: { id: input.experienceId ?? "", workspaceId, isDefault: false },
      select: {
        id: true,
        placementId: true,
        variants: { select: { id: true } },
        placement: { select: { contentType: true, jsonSchema: true } },
      },
    });
    if (!experience) throw fieldError("experienceId", "Choose an experience of this workspace");
    placementId = experience.placementId;
    const own = new Set(experience.variants.map((v) => v.id));
    input.variations.forEach((v, i) => {
      if (v.variantId !== null && !own.has(v.variantId))
        throw fieldError(`variations.${i}.variantId`, "Choose one of the experience's variants, or the default");
      if (v.variantId === null && v.body !== undefined) {
        const errors = checkTemplate(
          v.body,
          experience.placement.contentType,
          experience.placement.jsonSchema ?? undefined,
        );
        if (errors.length > 0)
          throw new ActionError("invalid_input", "The content needs attention", {
            [`variations.${i}.body`]: errors.map((e) => `Line ${e.line}, column ${e.column}: ${e.message}`),
          });
      }
    });
    variations = [];
    for (const v of input.variations) {
      let variantId = v.variantId;
      if (variantId === null && v.body !== undefined) {
        // new content for this arm: a variant of the experience, which the content editor then shows too
        const created = await tx.variant.create({
          data: { workspaceId, experienceId: experience.id, name: v.name, body: v.body },
          select: { id: true },
        });
        variantId = created.id;
      }
      variations.push({ key: v.key, name: v.name, weight: v.weight, variantId, payload: null });
    }
  } else if (input.type === "multivariate") {
    const factors = input.factors ?? [];
    const seen = new Set<string>();
    for (const [i, f] of factors.entries()) {
      if (seen.has(f.placementId)) throw fieldError(`factors.${i}.placementId`, "One factor per placement");
      seen.add(f.placementId);
      const placement = await tx.placement.findFirst({
        where: { id: f.placementId, workspaceId },
        select: { experiences: { select: { variants: { select: { id: true } } } } },
      });
      if (!placement) throw fieldError(`factors.${i}.placementId`, "Choose a placement of this workspace");
      const own = new Set(placement.experiences.flatMap((e) => e.variants.map((v) => v.id)));
      f.levels.forEach((l, j) => {
        if (l.variantId !== null && !own.has(l.variantId))
          throw fieldError(`factors.${i}.levels.${j}.variantId`, "Choose content of this factor's placement");
      });
      const keys = new Set(f.levels.map((l) => l.key));
      if (keys.size !== f.levels.length) throw fieldError(`factors.${i}.levels`, "Level keys must differ");
    }
    if (new Set(factors.map((f) => f.key)).size !== factors.length)
      throw fieldError("factors", "Factor keys must differ");
    variations = factorialCells(factors).map((c) => ({
      key: c.key,
      name: c.name,
      weight: 1,
      variantId: null,
      payload: { levels: c.levels },
    }));
  } else {
    variations = input.variations.map((v) => ({
      key: v.key,
      name: v.name,
      weight: v.weight,
      variantId: null,
      payload: { value: v.value },
    }));
  }
  const { segmentId } = input.targeting;
  let rule: RuleGroup | null = null;
  if (segmentId) {
    const segment = await tx.segment.findFirst({ where: { id: segmentId, workspaceId }, select: { id: true } });
    if (!segment) throw fieldError("targeting.segmentId", "Choose a segment of this workspace");
  } else if (input.targeting.rule && input.targeting.rule.children.length > 0) {
    const checked = checkSegmentRule(input.targeting.rule, undefined, await loadSegmentRefs(workspaceId));
    if ("issues" in checked) {
      const errors = Object.fromEntries(
        Object.entries(ruleFieldErrors(checked.issues)).map(([path, messages]) => [`targeting.${path}`, messages]),
      );
      throw new ActionError("invalid_input", "The targeting rule needs attention", errors);
    }
    rule = checked.rule;
  }
  if (input.layerId) {
    const layer = await tx.layer.findFirst({ where: { id: input.layerId, workspaceId }, select: { id: true } });
    if (!layer) throw fieldError("layerId", "Choose a layer of this workspace");
  }
  const goalIds = input.goals.map((g) => g.goalId);
  const goals = await tx.goal.findMany({ where: { workspaceId, id: { in: goalIds } }, select: { id: true } });
  if (goals.length !== new Set(goalIds).size) throw fieldError("goals", "Choose goals of this workspace");
  return { placementId, variations, targeting: { segmentId: segmentId ?? null, rule } };
}
