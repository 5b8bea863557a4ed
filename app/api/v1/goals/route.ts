// GET, POST /api/v1/goals — list the workspace's goals, or create one, with an admin key
import { adminAction } from "@/lib/api/admin-action";
import { answer, apiRoute } from "@/lib/api/route";
import { saveGoalDef } from "@/lib/goals/actions/save-goal";
import { createGoalBodySchema } from "@/lib/goals/api-schema";
import { goalResource } from "@/lib/goals/as-resource";
import { getGoal } from "@/lib/goals/db/get-goal";
import { listGoals } from "@/lib/goals/db/list-goals";

export const GET = apiRoute({ auth: "admin" }, async ({ caller }) => ({
  goals: (await listGoals(caller.workspaceId)).map(goalResource),
}));

export const POST = apiRoute({ auth: "admin", body: createGoalBodySchema }, async ({ caller, body }) => {
  const { goalId } = await adminAction(saveGoalDef, caller, body);
  return answer(201, goalResource((await getGoal(caller.workspaceId, goalId))!));
});
