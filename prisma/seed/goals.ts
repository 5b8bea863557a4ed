// The demo workspace's goals and which experiment measures which: Purchase
// (primary) and Revenue (secondary) everywhere, and Revenue per order, a ratio
// goal, as a second secondary goal of the home hero's A/B test.
import type pg from "pg";
import type { GoalInput } from "@/lib/experiments/schema";
import type { GoalRole } from "@/lib/generated/prisma/client";
import { idFrom } from "./random";

/** A demo goal as the goals page would have saved it (`goalInputSchema`'s output), with its id from the seed. */
export type DemoGoal = { id: string } & GoalInput;

/** A goal an experiment measures, in its role. */
export type DemoGoalLink = { goalId: string; role: GoalRole };

/** The experiment that also measures Revenue per order. */
const RATIO_GOAL_EXPERIMENT = "home-hero-headline";

const orders = {
  description: "",
  eventName: "Order Completed",
  filters: [],
  windowDays: 7,
  capPercentile: null,
  lowerIsBetter: false,
};

/**
 * The demo goals. Revenue has no cap: winsorized, revenue per unit would no
 * longer be the arm's multiplier times control's in expectation, which is
 * what README.md promises a sum goal finds.
 */
export function demoGoals(seed: number): DemoGoal[] {
  return [
    { ...orders, id: idFrom("goal", 0, seed), name: "Purchase", kind: "conversion", valueProperty: null },
    { ...orders, id: idFrom("goal", 1, seed), name: "Revenue", kind: "sum", valueProperty: "revenue" },
    {
      ...orders,
      id: idFrom("goal", 2, seed),
      name: "Revenue per order",
      description: "The average order's value",
      kind: "ratio",
      valueProperty: "revenue",
    },
  ];
}

/** The goals of the demo experiment with this key: Purchase primary, Revenue secondary, and for the A/B test Revenue per order. */
export function demoGoalLinks(seed: number, experimentKey: string): DemoGoalLink[] {
  const [purchase, revenue, perOrder] = demoGoals(seed).map((g) => g.id) as [string, string, string];
  const links: DemoGoalLink[] = [
    { goalId: purchase, role: "primary" },
    { goalId: revenue, role: "secondary" },
  ];
  if (experimentKey === RATIO_GOAL_EXPERIMENT) links.push({ goalId: perOrder, role: "secondary" });
  return links;
}

/** Inserts the demo goals. */
export async function insertGoals(db: pg.ClientBase, workspaceId: string, goals: readonly DemoGoal[]): Promise<void> {
  await db.query(
    `INSERT INTO goals (id, workspace_id, name, description, event_name, kind, value_property, filters, window_days,
                        cap_percentile, lower_is_better)
     SELECT id, $1, name, description, event_name, kind, value_property, '[]'::jsonb, window_days, cap_percentile,
            lower_is_better
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::"GoalKind"[], $7::text[], $8::int[], $9::float8[],
                 $10::bool[])
       AS t(id, name, description, event_name, kind, value_property, window_days, cap_percentile, lower_is_better)`,
    [
      workspaceId,
      goals.map((g) => g.id),
      goals.map((g) => g.name),
      goals.map((g) => g.description),
      goals.map((g) => g.eventName),
      goals.map((g) => g.kind),
      goals.map((g) => g.valueProperty),
      goals.map((g) => g.windowDays),
      goals.map((g) => g.capPercentile),
      goals.map((g) => g.lowerIsBetter),
    ],
  );
}
