// GET /api/v1/experiments/{id}/results — the experiment's results, the numbers of its results page
import { pathSegment } from "@/lib/api/admin-action";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { loadExperimentResults } from "@/lib/results/db/load-results";
import { segmentExists } from "@/lib/results/db/segment-exists";
import { resultsQuerySchema } from "@/lib/results/schema";

export const GET = apiRoute({ auth: "admin", query: resultsQuerySchema }, async ({ caller, request, query }) => {
  if (query.segmentId && !(await segmentExists(caller.workspaceId, query.segmentId)))
    throw new ApiError("invalid_query", "No such segment", [{ path: "segmentId", message: "No such segment" }]);
  const results = await loadExperimentResults(caller.workspaceId, pathSegment(request.url, "experiments"), query);
  if (!results) throw new ApiError("not_found", "No such experiment (or phase) in this workspace");
  return results;
});
