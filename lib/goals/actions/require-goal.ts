import { ActionError } from "@/lib/actions/result";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The workspace's goal with this id, or a not_found failure (also for another workspace's id). */
export async function requireGoal(tx: Prisma.TransactionClient, workspaceId: string, goalId: string) {
  const goal = await tx.goal.findFirst({ where: { id: goalId, workspaceId } });
  if (!goal) throw new ActionError("not_found", "This goal is not in this workspace");
  return goal;
}

/** What the audit log keeps of a goal, before and after a change. */
export const goalAuditView = (g: {
  name: string;
  description: string;
  eventName: string;
  kind: string;
  valueProperty: string | null;
  filters: unknown;
  windowDays: number;
  capPercentile: number | null;
  lowerIsBetter: boolean;
}) => ({
  name: g.name,
  description: g.description,
  eventName: g.eventName,
  kind: g.kind,
  valueProperty: g.valueProperty,
  filters: g.filters,
  windowDays: g.windowDays,
  capPercentile: g.capPercentile,
  lowerIsBetter: g.lowerIsBetter,
});
