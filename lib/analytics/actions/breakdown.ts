import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { boundedRead } from "./bounded-read";
import { breakdownInputSchema } from "../breakdown";
import { loadBreakdown, type LoadedBreakdown } from "../db/load-breakdown";
import { rangeInputSchema } from "../range";

/** The overview's figures by a dimension (source, device, country, …) or for chosen segments, over its range. */
export const breakdownDef = workspaceQuery({
  name: "analytics.breakdown",
  role: "viewer",
  input: rangeInputSchema.and(breakdownInputSchema),
  async handler(ctx, input): Promise<LoadedBreakdown> {
    const { by, segmentIds, ...range } = input;
    const loaded = await boundedRead(() => loadBreakdown(ctx.workspaceId, range, { by, segmentIds }));
    if (!loaded) throw new ActionError("not_found", "This workspace does not exist");
    if ("unknownSegments" in loaded)
      throw new ActionError("invalid_input", "No such segment", {
        segmentIds: [`No such segment: ${loaded.unknownSegments.join(", ")}`],
      });
    return loaded;
  },
});
