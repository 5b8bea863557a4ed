import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { getExperimentStats, type ExperimentStats } from "../db/get-experiment-stats";

export const experimentStatsInputSchema = z.object({ experimentId: z.string().min(1).max(64) });

/**
 * The experiment page's live counts (units and exposures per variation,
 * exposures per day), polled every few seconds by react-query.
 */
export const experimentStatsDef = workspaceQuery({
  name: "experiment.stats",
  role: "viewer",
  input: experimentStatsInputSchema,
  async handler(ctx, input): Promise<ExperimentStats> {
    const stats = await getExperimentStats(ctx.workspaceId, input.experimentId);
    if (!stats) throw new ActionError("not_found", "This experiment is not in this workspace");
    return stats;
  },
});
