import { db } from "@/lib/db/client";
import { toGoalRow, type GoalRow } from "./goal-row";
import { goalUsage } from "./goal-usage";

/** One goal of the workspace, in words and with the experiments that use it; null when it is not in this workspace. */
export async function getGoal(workspaceId: string, goalId: string): Promise<GoalRow | null> {
  const goal = await db.goal.findFirst({ where: { id: goalId, workspaceId } });
  if (!goal) return null;
  const usage = await goalUsage(workspaceId, [goal.id]);
  return toGoalRow(goal, usage.get(goal.id));
}
