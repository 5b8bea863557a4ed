// GET, PATCH, DELETE /api/v1/goals/{id} — one goal, a change to it (fields given replace the current ones), or its deletion
import { adminAction, pathSegment } from "@/lib/api/admin-action";
import { ApiError } from "@/lib/api/errors";
import { answer, apiRoute } from "@/lib/api/route";
import { deleteGoalDef } from "@/lib/goals/actions/delete-goal";
import { saveGoalDef } from "@/lib/goals/actions/save-goal";
import { updateGoalBodySchema } from "@/lib/goals/api-schema";
import { goalResource, patchedGoal } from "@/lib/goals/as-resource";
import { getGoal } from "@/lib/goals/db/get-goal";

const found = async (workspaceId: string, url: string) => {
  const goal = await getGoal(workspaceId, pathSegment(url, "goals"));
  if (!goal) throw new ApiError("not_found", "No such goal in this workspace");
  return goal;
};

export const GET = apiRoute({ auth: "admin" }, async ({ caller, request }) =>
  goalResource(await found(caller.workspaceId, request.url)),
);

export const PATCH = apiRoute({ auth: "admin", body: updateGoalBodySchema }, async ({ caller, request, body }) => {
  const goal = await found(caller.workspaceId, request.url);
  await adminAction(saveGoalDef, caller, { ...patchedGoal(goal, body), goalId: goal.id });
  return goalResource((await getGoal(caller.workspaceId, goal.id))!);
});

export const DELETE = apiRoute({ auth: "admin" }, async ({ caller, request }) => {
  const goal = await found(caller.workspaceId, request.url);
  await adminAction(deleteGoalDef, caller, { goalId: goal.id });
  return answer(204, undefined);
});
