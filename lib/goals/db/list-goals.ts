import { db } from "@/lib/db/client";
import { toGoalRow, type GoalRow } from "./goal-row";
import { goalUsage } from "./goal-usage";

export type { GoalRow } from "./goal-row";

/** The workspace's goals by name, each in words and with the experiments that use it, by role. */
export async function listGoals(workspaceId: string): Promise<GoalRow[]> {
  const goals = await db.goal.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
  const usage = await goalUsage(
    workspaceId,
    goals.map((g) => g.id),
  );
  return goals.map((g) => toGoalRow(g, usage.get(g.id)));
}
