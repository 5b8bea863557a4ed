import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { loadExperimentResults, type LoadedResults } from "../db/load-results";
import { segmentExists } from "../db/segment-exists";
import { resultsQuerySchema } from "../schema";

export const experimentResultsInputSchema = z
  .object({ experimentId: z.string().min(1).max(64) })
  .and(resultsQuerySchema);

/**
 * An experiment's results as the results page shows them, with the reader's
 * choices (engine, correction, α, MDE, a dimension): computed from SQL
 * sufficient statistics on every read (react-query refreshes them).
 */
export const experimentResultsDef = workspaceQuery({
  name: "experiment.results",
  role: "viewer",
  input: experimentResultsInputSchema,
  async handler(ctx, input): Promise<LoadedResults> {
    const { experimentId, ...query } = input;
    if (query.segmentId && !(await segmentExists(ctx.workspaceId, query.segmentId)))
      throw new ActionError("invalid_input", "No such segment", { segmentId: ["No such segment"] });
    const results = await loadExperimentResults(ctx.workspaceId, experimentId, query);
    if (!results) throw new ActionError("not_found", "This experiment (or phase) is not in this workspace");
    return results;
  },
});
