import type { Goal } from "@/lib/generated/prisma/client";
import type { PropertyFilter } from "@/lib/segments/schema";
import { describeGoal } from "../describe";
import { storedGoalFilters } from "../stored-filters";
import { NO_USAGE, type GoalUsage } from "./goal-usage";

/** A goal as the goals page shows and edits it. */
export type GoalRow = {
  id: string;
  name: string;
  description: string;
  eventName: string;
  kind: Goal["kind"];
  valueProperty: string | null;
  filters: PropertyFilter[];
  windowDays: number;
  /** Sum and ratio goals: the percentile (0.9..0.9999) each unit's value is capped at (winsorized); null: no cap. */
  capPercentile: number | null;
  /** A fall is the good news: results read a negative lift as better. */
  lowerIsBetter: boolean;
  /** The goal in words ("Converted: Order Completed, within 7 days of first exposure"). */
  summary: string;
  updatedAt: Date;
  usage: GoalUsage;
};

/** A stored goal with its filters parsed, put in words, and its use by experiments. */
export function toGoalRow(goal: Goal, usage: GoalUsage | undefined): GoalRow {
  const filters = storedGoalFilters(goal.filters);
  return {
    id: goal.id,
    name: goal.name,
    description: goal.description,
    eventName: goal.eventName,
    kind: goal.kind,
    valueProperty: goal.valueProperty,
    filters,
    windowDays: goal.windowDays,
    capPercentile: goal.capPercentile,
    lowerIsBetter: goal.lowerIsBetter,
    summary: describeGoal({ ...goal, filters }),
    updatedAt: goal.updatedAt,
    usage: usage ?? NO_USAGE,
  };
}
