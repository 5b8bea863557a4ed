// The demo's three running experiments, started when the seeded history of
// exposures begins: an A/B test of the home hero's headline, an A/A test of
// the cart nudge, and a 2 × 2 test of two service promises. Their true
// effects are in experiment-effects.ts.
import type pg from "pg";
import type { ExperimentConfig } from "@/lib/decide/build-experiments";
import { factorialCells } from "@/lib/experiments/cells";
import type { Factor } from "@/lib/experiments/schema";
import type { RuleGroup } from "@/lib/segments/schema";
import { demoExperience, type DemoContent } from "./content";
import type { DemoGoalLink } from "./goals";
import { idFrom } from "./random";
import { DEMO_SEGMENT } from "./segments";

/** Days of experiment history: the experiments started this long before the seed clock (or when the data begins). */
export const EXPERIMENT_DAYS = 30;

/** A demo experiment's rows: its configuration as decisions read it, and what only the dashboard shows. */
export type DemoExperiment = ExperimentConfig & { hypothesis: string };

type Arm = { key: string; name: string; variantId: string | null; payload?: unknown };

/**
 * Shoppers with something in their cart (the "Cart abandoners" segment: added to the cart in the last 24 hours, no
 * order since), but not the RFM champions (who keep their own product page banner). The promises answer the doubts
 * that stop a checkout, so they are tested where a checkout is near: most of these units check out within their 7-day
 * window, and the Purchase goal's variance is the completion's rather than mostly whether a visitor shops at all
 * (README.md, "True effects": the interaction is detectable at the default demo's size only so).
 */
const cartButNotChampions = (seed: number): RuleGroup => ({
  type: "group",
  id: "root",
  combinator: "and",
  children: [
    { type: "segment", id: "cart", segmentId: idFrom("segment", DEMO_SEGMENT.cartAbandoners, seed), op: "in" },
    { type: "segment", id: "not-champions", segmentId: idFrom("segment", DEMO_SEGMENT.champions, seed), op: "not_in" },
  ],
});

/**
 * The demo experiments as rows (ids from the seed): running since their phase 1 began, hashed by the anonymous id
 * with their key as seed, equal weights, full coverage, no layer.
 */
export function demoExperiments(seed: number, content: DemoContent): DemoExperiment[] {
  const hero = demoExperience(content, "home-hero", "Everyone else: spring headline");
  const nudge = demoExperience(content, "cart-upsell", "Cart abandoners: nudge");
  const returns = demoExperience(content, "announcement-bar", "Test content: free returns");
  const delivery = demoExperience(content, "pdp-banner", "Test content: next-day delivery");
  const factors: Factor[] = [
    {
      key: "bar",
      name: "Announcement bar",
      placementId: returns.placementId,
      levels: [
        { key: "sale", name: "Sale", variantId: null },
        { key: "returns", name: "Free returns", variantId: returns.variantId(0) },
      ],
    },
    {
      key: "pdp",
      name: "Product page banner",
      placementId: delivery.placementId,
      levels: [
        { key: "shipping", name: "Free shipping over $50", variantId: null },
        { key: "delivery", name: "Next-day delivery", variantId: delivery.variantId(0) },
      ],
    },
  ];
  const designs: Design[] = [
    {
      key: "home-hero-headline",
      name: "Home hero: free-shipping headline",
      hypothesis:
        "Promising free shipping in the home hero's headline makes more visitors buy than announcing the spring collection.",
      type: "ab",
      experienceId: hero.experienceId,
      placementId: hero.placementId,
      rule: null,
      factors: null,
      arms: [
        { key: "control", name: "Spring collection", variantId: hero.variantId(0) },
        { key: "free-shipping", name: "Free shipping this week", variantId: hero.variantId(1) },
      ],
    },
    {
      key: "cart-nudge-aa",
      name: "Cart nudge: A/A check",
      hypothesis:
        "Both arms show the same cart nudge, so no difference is expected: a check that the split and the measurement are fair.",
      type: "ab",
      experienceId: nudge.experienceId,
      placementId: nudge.placementId,
      rule: null,
      factors: null,
      arms: [
        { key: "a", name: "A", variantId: nudge.variantId(0) },
        { key: "b", name: "B", variantId: nudge.variantId(0) },
      ],
    },
    {
      key: "service-promises",
      name: "Service promises: announcement bar × product page banner",
      hypothesis:
        "Free returns in the announcement bar and next-day delivery on product pages each make more shoppers with a full cart complete their checkout; shown together they crowd the page and read like a hard sell.",
      type: "multivariate",
      experienceId: null,
      placementId: null,
      rule: cartButNotChampions(seed),
      factors,
      arms: factorialCells(factors).map((c) => ({
        key: c.key,
        name: c.name,
        variantId: null,
        payload: { levels: c.levels },
      })),
    },
  ];
  let n = 0;
  return designs.map(({ arms, ...d }, i) => ({
    ...d,
    ...RUNNING,
    id: idFrom("experiment", i, seed),
    seed: d.key,
    variations: arms.map((a, position) => ({
      id: idFrom("variation", n++, seed),
      key: a.key,
      name: a.name,
      weight: 1,
      isControl: position === 0,
      variantId: a.variantId,
      payload: a.payload ?? null,
    })),
  }));
}

type Design = Pick<
  DemoExperiment,
  "key" | "name" | "hypothesis" | "type" | "experienceId" | "placementId" | "rule" | "factors"
> & { arms: Arm[] };

const RUNNING = {
  status: "running",
  seedPhase: 1,
  phase: 1,
  coverage: 1,
  unitType: "anonymous_id",
  layerId: null,
  layerStart: null,
  layerEnd: null,
  segmentId: null,
  startsAt: null,
  endsAt: null,
  winnerVariationId: null,
} as const;

/**
 * Inserts the demo experiments as started at `startedAt`: each with its variations in order, its phase 1 and the
 * goals `goalsOf` gives its key (goals.ts: Purchase primary, Revenue secondary, …).
 */
export async function seedExperiments(
  db: pg.Client,
  workspaceId: string,
  seed: number,
  experiments: readonly DemoExperiment[],
  startedAt: Date,
  goalsOf: (experimentKey: string) => readonly DemoGoalLink[],
): Promise<void> {
  for (const [i, e] of experiments.entries()) {
    await db.query(
      `INSERT INTO experiments (id, workspace_id, key, name, hypothesis, type, status, seed, seed_phase, coverage, unit_type,
         experience_id, placement_id, rules, factors, started_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::"ExperimentType", 'running', $7, 1, 1, 'anonymous_id', $8, $9, $10, $11, $12, $12, now())`,
      [
        e.id,
        workspaceId,
        e.key,
        e.name,
        e.hypothesis,
        e.type,
        e.seed,
        e.experienceId,
        e.placementId,
        e.rule ? JSON.stringify(e.rule) : null,
        e.factors ? JSON.stringify(e.factors) : null,
        startedAt.toISOString(),
      ],
    );
    for (const [position, v] of e.variations.entries())
      await db.query(
        `INSERT INTO variations (id, workspace_id, experiment_id, key, name, weight, position, is_control, variant_id, payload, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          v.id,
          workspaceId,
          e.id,
          v.key,
          v.name,
          v.weight,
          position,
          v.isControl,
          v.variantId,
          v.payload === null ? null : JSON.stringify(v.payload),
          startedAt.toISOString(),
        ],
      );
    await db.query(
      `INSERT INTO experiment_phases (id, workspace_id, experiment_id, index, started_at, seed, coverage, weights, reason, targeting)
       VALUES ($1, $2, $3, 1, $4, $5, 1, $6, 'start', $7)`,
      [
        idFrom("experiment-phase", i, seed),
        workspaceId,
        e.id,
        startedAt.toISOString(),
        e.seed,
        e.variations.map((v) => v.weight),
        JSON.stringify({ segmentId: e.segmentId, rule: e.rule }),
      ],
    );
    const goals = goalsOf(e.key);
    await db.query(
      `INSERT INTO experiment_goals (workspace_id, experiment_id, goal_id, role)
       SELECT $1, $2, goal_id, role FROM unnest($3::text[], $4::"GoalRole"[]) AS t(goal_id, role)`,
      [workspaceId, e.id, goals.map((g) => g.goalId), goals.map((g) => g.role)],
    );
  }
}
