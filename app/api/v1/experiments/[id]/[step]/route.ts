// POST /api/v1/experiments/{id}/{step} — start, pause, resume, stop (optionally with a winner), archive or re-randomize
import { adminAction, pathSegment } from "@/lib/api/admin-action";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { stepExperimentDef } from "@/lib/experiments/actions/step-experiment";
import { EXPERIMENT_STEPS, stepExperimentBodySchema } from "@/lib/experiments/api-schema";
import { getExperimentResource } from "@/lib/experiments/db/experiment-resource";

export const POST = apiRoute(
  { auth: "admin", body: stepExperimentBodySchema, bodyOptional: true },
  async ({ caller, request, body }) => {
    const id = pathSegment(request.url, "experiments");
    const step = pathSegment(request.url, id);
    if (!(EXPERIMENT_STEPS as readonly string[]).includes(step))
      throw new ApiError("not_found", `No such step: use one of ${EXPERIMENT_STEPS.join(", ")}`);
    const experiment = await getExperimentResource(caller.workspaceId, id);
    if (!experiment) throw new ApiError("not_found", "No such experiment in this workspace");
    let winnerVariationId: string | null = null;
    if (body.winner !== null) {
      winnerVariationId = experiment.variations.find((v) => v.key === body.winner)?.id ?? null;
      if (!winnerVariationId)
        throw new ApiError("invalid_body", "The winner is not a variation of this experiment", [
          { path: "winner", message: `One of ${experiment.variations.map((v) => v.key).join(", ")}` },
        ]);
    }
    await adminAction(stepExperimentDef, caller, { experimentId: id, step, winnerVariationId });
    return getExperimentResource(caller.workspaceId, id);
  },
);
