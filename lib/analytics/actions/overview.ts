import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { boundedRead } from "./bounded-read";
import { loadOverview } from "../db/load-overview";
import type { Overview } from "../overview";
import { rangeInputSchema } from "../range";

/** The overview's figures and daily series for the chosen range and comparison (the page reads it with react-query). */
export const overviewDef = workspaceQuery({
  name: "analytics.overview",
  role: "viewer",
  input: rangeInputSchema,
  async handler(ctx, input): Promise<Overview> {
    const overview = await boundedRead(() => loadOverview(ctx.workspaceId, input));
    if (!overview) throw new ActionError("not_found", "This workspace does not exist");
    return overview;
  },
});
