import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { parseJsonSchema, requirePlacement, requireValidTemplate, templateBodySchema } from "./checks";

/** Changes a placement's name, JSON schema and default content (its key and content type stay: the storefront depends on them). */
export const updatePlacementDef = workspaceAction({
  name: "placement.update",
  role: "editor",
  input: z.object({
    placementId: z.string().min(1).max(40),
    name: z.string().trim().min(1, "Give the placement a name").max(120),
    jsonSchema: z.string().max(20_000).nullish(),
    defaultBody: templateBodySchema,
  }),
  async handler(ctx, input) {
    const placement = await requirePlacement(ctx.db, ctx.workspaceId, input.placementId);
    const schema = placement.contentType === "json" ? parseJsonSchema(input.jsonSchema) : null;
    requireValidTemplate(input.defaultBody, placement.contentType, schema, "defaultBody");
    await ctx.db.placement.update({
      where: { id: placement.id },
      data: { name: input.name, jsonSchema: (schema ?? null) as Prisma.InputJsonValue },
    });
    const fallback = await ctx.db.experience.findFirst({
      where: { workspaceId: ctx.workspaceId, placementId: placement.id, isDefault: true },
      include: { variants: { take: 1, orderBy: { createdAt: "asc" } } },
    });
    if (fallback?.variants[0])
      await ctx.db.variant.update({ where: { id: fallback.variants[0].id }, data: { body: input.defaultBody } });
    else
      await ctx.db.experience.create({
        data: {
          workspaceId: ctx.workspaceId,
          placementId: placement.id,
          name: "Default",
          priority: 1_000_000,
          isDefault: true,
          status: "live",
          variants: { create: { workspaceId: ctx.workspaceId, name: "Default", body: input.defaultBody } },
        },
      });
    await configChanged(ctx);
    ctx.audit({
      action: "placement.update",
      targetType: "placement",
      targetId: placement.id,
      before: { name: placement.name },
      after: { name: input.name, defaultBody: input.defaultBody },
    });
    return { placementId: placement.id };
  },
});
