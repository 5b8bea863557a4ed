import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { experimentKeySchema } from "../schema";

export const saveLayerInputSchema = z.object({
  key: experimentKeySchema,
  name: z.string().trim().min(1, "Give the layer a name").max(120, "At most 120 characters"),
});

/** Creates a layer: experiments in it take disjoint slices of its traffic and never share a unit. */
export const saveLayerDef = workspaceAction({
  name: "layer.create",
  role: "editor",
  input: saveLayerInputSchema,
  async handler(ctx, input): Promise<{ layerId: string }> {
    const clash = await ctx.db.layer.findFirst({ where: { workspaceId: ctx.workspaceId, key: input.key } });
    if (clash)
      throw new ActionError("invalid_input", "Another layer has this key", { key: ["Another layer has this key"] });
    const layer = await ctx.db.layer.create({ data: { workspaceId: ctx.workspaceId, ...input } });
    ctx.audit({ action: "layer.create", targetType: "layer", targetId: layer.id, after: input });
    return { layerId: layer.id };
  },
});
