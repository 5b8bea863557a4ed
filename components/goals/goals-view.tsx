"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import type { GoalRow } from "@/lib/goals/db/goal-row";
import { GoalDialog, type GoalEvents } from "./goal-dialog";
import { GoalIcon } from "./goal-icon";
import { GoalsTable } from "./goals-table";

/**
 * The goals page: its header with "New goal", the table, and the one dialog
 * that creates or edits a goal. Viewers get the table only.
 */
export function GoalsView({
  workspaceId,
  goals,
  events,
  canEdit,
}: {
  workspaceId: string;
  goals: GoalRow[];
  /** The workspace's recent events and their properties, offered in the form. */
  events: GoalEvents;
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<GoalRow | null>(null);
  const start = (goal: GoalRow | null) => {
    setEditing(goal);
    setOpen(true);
  };
  const newGoal = canEdit ? (
    <Button onClick={() => start(null)}>
      <PlusIcon /> New goal
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title="Goals"
        description="What experiments measure: a conversion, a count of events, the sum of a value per visitor or a value per event (revenue per order), counted for a number of days after a visitor first sees a variation."
        actions={newGoal}
      />
      {goals.length === 0 ? (
        <EmptyState
          icon={<GoalIcon size={20} />}
          title="No goals yet"
          description="A goal names the event an experiment should move, such as “Order Completed”, and how to count it: whether a visitor converted, how often, how much revenue they brought, or the revenue per order."
          action={newGoal ?? undefined}
        />
      ) : (
        <GoalsTable workspaceId={workspaceId} goals={goals} onEdit={canEdit ? start : undefined} />
      )}
      {canEdit && (
        <GoalDialog workspaceId={workspaceId} goal={editing} events={events} open={open} onOpenChange={setOpen} />
      )}
    </>
  );
}
