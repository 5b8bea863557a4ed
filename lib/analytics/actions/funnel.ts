import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { boundedRead } from "./bounded-read";
import { goalFilterErrors } from "@/lib/goals/check-filters";
import { loadFunnel, type LoadedFunnel } from "../db/load-funnel";
import { funnelInputSchema } from "../funnel";
import { rangeInputSchema } from "../range";

/**
 * A funnel over the overview's range. Each step's filters are checked as a goal's are (the operands their
 * operators need), answered at `steps.<i>.filters.<j>.<field>`.
 */
export const funnelDef = workspaceQuery({
  name: "analytics.funnel",
  role: "viewer",
  input: rangeInputSchema.and(funnelInputSchema),
  async handler(ctx, input): Promise<LoadedFunnel> {
    const { steps, windowDays, split, segmentId, experimentId, ...range } = input;
    const errors: Record<string, string[]> = {};
    steps.forEach((step, i) => {
      for (const [path, messages] of Object.entries(goalFilterErrors(step.filters)))
        errors[`steps.${i}.${path}`] = messages;
    });
    if (Object.keys(errors).length > 0) throw new ActionError("invalid_input", "The filters need attention", errors);
    const loaded = await boundedRead(() =>
      loadFunnel(ctx.workspaceId, range, { steps, windowDays, split, segmentId, experimentId }),
    );
    if (!loaded) throw new ActionError("not_found", "This workspace does not exist");
    if ("unknown" in loaded) {
      const message = loaded.unknown === "segmentId" ? "No such segment" : "No such experiment";
      throw new ActionError("invalid_input", message, { [loaded.unknown]: [message] });
    }
    return loaded;
  },
});
