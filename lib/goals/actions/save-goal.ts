import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { goalAddsUpValue, goalInputSchema } from "@/lib/experiments/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { goalFilterErrors } from "../check-filters";
import { goalAuditView, requireGoal } from "./require-goal";

export const saveGoalInputSchema = z.intersection(
  z.object({ goalId: z.string().min(1).max(64).optional() }),
  goalInputSchema,
);

const NAME_TAKEN = "Another goal has this name";
const nameTaken = () => new ActionError("invalid_input", NAME_TAKEN, { name: [NAME_TAKEN] });
const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "P2002";

/**
 * Creates a goal, or changes one (every field given replaces the stored
 * one). Names are unique in the workspace, ignoring case, so that two goals
 * never read alike in an experiment's goal picker. Only sum and ratio goals
 * keep a value property (the schema refuses a cap on any other kind).
 * Experiments that use the goal read their results with the new definition.
 */
export const saveGoalDef = workspaceAction({
  name: "goal.save",
  role: "editor",
  input: saveGoalInputSchema,
  async handler(ctx, { goalId, ...input }) {
    const existing = goalId ? await requireGoal(ctx.db, ctx.workspaceId, goalId) : null;
    const filterErrors = goalFilterErrors(input.filters);
    if (Object.keys(filterErrors).length > 0)
      throw new ActionError("invalid_input", "The filters need attention", filterErrors);
    const clash = await ctx.db.goal.findFirst({
      where: {
        workspaceId: ctx.workspaceId,
        name: { equals: input.name, mode: "insensitive" },
        ...(existing ? { id: { not: existing.id } } : {}),
      },
      select: { id: true },
    });
    if (clash) throw nameTaken();
    const data = {
      ...input,
      valueProperty: goalAddsUpValue(input.kind) ? input.valueProperty : null,
      filters: input.filters as unknown as Prisma.InputJsonValue,
    };
    const goal = await (
      existing
        ? ctx.db.goal.update({ where: { id: existing.id }, data })
        : ctx.db.goal.create({ data: { ...data, workspaceId: ctx.workspaceId } })
    ).catch((error: unknown) => {
      throw isUniqueViolation(error) ? nameTaken() : error; // saved meanwhile by someone else
    });
    ctx.audit({
      action: existing ? "goal.update" : "goal.create",
      targetType: "goal",
      targetId: goal.id,
      before: existing ? goalAuditView(existing) : undefined,
      after: goalAuditView(goal),
    });
    return { goalId: goal.id };
  },
});
