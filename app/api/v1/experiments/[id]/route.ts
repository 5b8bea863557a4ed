// GET, PATCH /api/v1/experiments/{id} — one experiment, or a change to it (fields given replace the current ones)
import { adminAction, pathSegment } from "@/lib/api/admin-action";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { saveExperimentDef } from "@/lib/experiments/actions/save-experiment";
import { updateExperimentBodySchema } from "@/lib/experiments/api-schema";
import { patchedInput } from "@/lib/experiments/as-input";
import { getExperimentResource } from "@/lib/experiments/db/experiment-resource";

const found = async (workspaceId: string, url: string) => {
  const experiment = await getExperimentResource(workspaceId, pathSegment(url, "experiments"));
  if (!experiment) throw new ApiError("not_found", "No such experiment in this workspace");
  return experiment;
};

export const GET = apiRoute({ auth: "admin" }, async ({ caller, request }) => found(caller.workspaceId, request.url));

export const PATCH = apiRoute(
  { auth: "admin", body: updateExperimentBodySchema, maxBytes: 256 * 1024 },
  async ({ caller, request, body }) => {
    const current = await found(caller.workspaceId, request.url);
    await adminAction(saveExperimentDef, caller, { ...patchedInput(current, body), experimentId: current.id });
    return getExperimentResource(caller.workspaceId, current.id);
  },
);
