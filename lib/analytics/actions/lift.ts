import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { boundedRead } from "./bounded-read";
import { loadLift, type LoadedLift } from "../db/load-lift";
import { rangeInputSchema } from "../range";

/** Personalization's lift over the global holdout for the overview's range (its own read, so the figures come first). */
export const liftDef = workspaceQuery({
  name: "analytics.lift",
  role: "viewer",
  input: rangeInputSchema,
  async handler(ctx, input): Promise<LoadedLift> {
    const lift = await boundedRead(() => loadLift(ctx.workspaceId, input));
    if (!lift) throw new ActionError("not_found", "This workspace does not exist");
    return lift;
  },
});
