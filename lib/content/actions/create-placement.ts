import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import type { Prisma } from "@/lib/generated/prisma/client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import {
  CONTENT_TYPES,
  DEFAULT_PRIORITY,
  parseJsonSchema,
  placementKeySchema,
  requireValidTemplate,
  templateBodySchema,
} from "./checks";

/** A new placement (a named slot on the storefront) with its default content, served to everyone no experience matches. */
export const createPlacementDef = workspaceAction({
  name: "placement.create",
  role: "editor",
  input: z.object({
    key: placementKeySchema,
    name: z.string().trim().min(1, "Give the placement a name").max(120),
    contentType: z.enum(CONTENT_TYPES),
    jsonSchema: z.string().max(20_000).nullish(),
    defaultBody: templateBodySchema,
  }),
  async handler(ctx, input) {
    if (
      await ctx.db.placement.findFirst({
        where: { workspaceId: ctx.workspaceId, key: input.key },
        select: { id: true },
      })
    ) {
      throw new ActionError("conflict", "That key is taken", { key: [`A placement with the key ${input.key} exists`] });
    }
    const schema = input.contentType === "json" ? parseJsonSchema(input.jsonSchema) : null;
    requireValidTemplate(input.defaultBody, input.contentType, schema, "defaultBody");
    const placement = await ctx.db.placement.create({
      data: {
        workspaceId: ctx.workspaceId,
        key: input.key,
        name: input.name,
        contentType: input.contentType,
        jsonSchema: (schema ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    });
    await ctx.db.experience.create({
      data: {
        workspaceId: ctx.workspaceId,
        placementId: placement.id,
        name: "Default",
        priority: DEFAULT_PRIORITY,
        isDefault: true,
        status: "live",
        variants: { create: { workspaceId: ctx.workspaceId, name: "Default", body: input.defaultBody } },
      },
    });
    await configChanged(ctx);
    ctx.audit({ action: "placement.create", targetType: "placement", targetId: placement.id, after: input });
    return { placementId: placement.id };
  },
});
