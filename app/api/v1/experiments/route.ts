// GET, POST /api/v1/experiments — list the workspace's experiments, or create one (a draft), with an admin key
import { adminAction } from "@/lib/api/admin-action";
import { answer, apiRoute } from "@/lib/api/route";
import { saveExperimentDef } from "@/lib/experiments/actions/save-experiment";
import { createExperimentBodySchema, listExperimentsQuerySchema } from "@/lib/experiments/api-schema";
import { getExperimentResource, listExperimentResources } from "@/lib/experiments/db/experiment-resource";

export const GET = apiRoute({ auth: "admin", query: listExperimentsQuerySchema }, async ({ caller, query }) => ({
  experiments: await listExperimentResources(caller.workspaceId, query),
}));

export const POST = apiRoute(
  { auth: "admin", body: createExperimentBodySchema, maxBytes: 256 * 1024 },
  async ({ caller, body }) => {
    const { experimentId } = await adminAction(saveExperimentDef, caller, body);
    return answer(201, await getExperimentResource(caller.workspaceId, experimentId));
  },
);
