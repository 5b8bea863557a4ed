import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { boundedRead } from "./bounded-read";
import { loadContent, type LoadedContent } from "../db/load-content";
import { rangeInputSchema } from "../range";

/** Content performance per placement, experience and variant over the overview's range. */
export const contentDef = workspaceQuery({
  name: "analytics.content",
  role: "viewer",
  input: rangeInputSchema,
  async handler(ctx, input): Promise<LoadedContent> {
    const content = await boundedRead(() => loadContent(ctx.workspaceId, input));
    if (!content) throw new ActionError("not_found", "This workspace does not exist");
    return content;
  },
});
