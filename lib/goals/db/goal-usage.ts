import { db } from "@/lib/db/client";
import type { ExperimentStatus, GoalRole } from "@/lib/generated/prisma/client";

/** An experiment that measures a goal, in the role it gives it. */
export type GoalUse = { experimentId: string; name: string; status: ExperimentStatus; role: GoalRole };

/** What a goal's row says about its use: experiments by role, and the live ones (running, paused) that decide by it. */
export type GoalUsage = {
  experiments: GoalUse[];
  byRole: Record<GoalRole, number>;
  /** Running or paused experiments whose primary goal it is: while there are some, it cannot be deleted. */
  livePrimary: GoalUse[];
};

const LIVE: readonly ExperimentStatus[] = ["running", "paused"];

/** The experiments of the workspace that use these goals, per goal (goals no experiment uses are absent). */
export async function goalUsage(workspaceId: string, goalIds: string[]): Promise<Map<string, GoalUsage>> {
  if (goalIds.length === 0) return new Map();
  const links = await db.experimentGoal.findMany({
    where: { workspaceId, goalId: { in: goalIds }, experiment: { workspaceId } },
    select: { goalId: true, role: true, experiment: { select: { id: true, name: true, status: true } } },
    orderBy: { experiment: { name: "asc" } },
  });
  const usage = new Map<string, GoalUsage>();
  for (const { goalId, role, experiment } of links) {
    let entry = usage.get(goalId);
    if (!entry) {
      entry = { experiments: [], byRole: { primary: 0, secondary: 0, guardrail: 0 }, livePrimary: [] };
      usage.set(goalId, entry);
    }
    const use = { experimentId: experiment.id, name: experiment.name, status: experiment.status, role };
    entry.experiments.push(use);
    entry.byRole[role] += 1;
    if (role === "primary" && LIVE.includes(experiment.status)) entry.livePrimary.push(use);
  }
  return usage;
}

export const NO_USAGE: GoalUsage = {
  experiments: [],
  byRole: { primary: 0, secondary: 0, guardrail: 0 },
  livePrimary: [],
};
