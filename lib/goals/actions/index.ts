"use server";

import { serverAction } from "@/lib/actions/server-action";
import { deleteGoalDef } from "./delete-goal";
import { saveGoalDef } from "./save-goal";

export const saveGoal = serverAction(saveGoalDef);
export const deleteGoal = serverAction(deleteGoalDef);
