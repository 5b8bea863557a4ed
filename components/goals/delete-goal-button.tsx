"use client";

import { useAction } from "@/components/actions/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteGoal } from "@/lib/goals/actions";
import type { GoalRow } from "@/lib/goals/db/goal-row";

/** Deletes a goal after asking; the action refuses while a live experiment decides by it, and says which. */
export function DeleteGoalButton({ workspaceId, goal }: { workspaceId: string; goal: GoalRow }) {
  const remove = useAction(deleteGoal, { success: `“${goal.name}” deleted` });
  const used = goal.usage.experiments.length;
  return (
    <ConfirmButton
      label="Delete"
      title={`Delete “${goal.name}”?`}
      description={
        used === 0
          ? "No experiment measures it. This cannot be undone."
          : `It is removed from the ${used === 1 ? "experiment" : `${used} experiments`} that measure it, and their results no longer show it. This cannot be undone.`
      }
      pending={remove.pending}
      onConfirm={() => remove.run({ workspaceId, goalId: goal.id })}
    />
  );
}
