"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GOAL_KIND_HINTS, GOAL_KIND_LABELS } from "@/lib/goals/describe";
import type { GoalRow } from "@/lib/goals/db/goal-row";
import { DeleteGoalButton } from "./delete-goal-button";
import { GoalUsageCell } from "./goal-usage-cell";

/** Sum and ratio goals share a tone: both measure a value (their labels tell them apart). */
const KIND_TONE: Record<GoalRow["kind"], BadgeTone> = {
  conversion: "accent",
  count: "neutral",
  sum: "success",
  ratio: "success",
};

/** The workspace's goals: name, what each measures in words, kind, window and use; edit controls for editors only. */
export function GoalsTable({
  workspaceId,
  goals,
  onEdit,
}: {
  workspaceId: string;
  goals: GoalRow[];
  /** Absent for viewers: then the table has no edit controls. */
  onEdit?: (goal: GoalRow) => void;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Measures</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead className="text-right">Window</TableHead>
          <TableHead>Used by</TableHead>
          {onEdit && (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {goals.map((goal) => (
          <TableRow key={goal.id}>
            <TableCell className="font-medium text-gray-900">
              {goal.name}
              {goal.description && (
                <p className="max-w-xs truncate text-xs font-normal text-gray-500">{goal.description}</p>
              )}
            </TableCell>
            <TableCell className="max-w-md text-gray-700" data-testid="goal-summary">
              {goal.summary}
            </TableCell>
            <TableCell>
              <Badge tone={KIND_TONE[goal.kind]} title={GOAL_KIND_HINTS[goal.kind]}>
                {GOAL_KIND_LABELS[goal.kind]}
              </Badge>
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums" data-testid="goal-window">
              {goal.windowDays === 1 ? "1 day" : `${goal.windowDays} days`}
            </TableCell>
            <TableCell>
              <GoalUsageCell usage={goal.usage} />
            </TableCell>
            {onEdit && (
              <TableCell className="text-right whitespace-nowrap">
                <Button variant="ghost" size="sm" onClick={() => onEdit(goal)} aria-label={`Edit ${goal.name}`}>
                  Edit
                </Button>
                <DeleteGoalButton workspaceId={workspaceId} goal={goal} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
