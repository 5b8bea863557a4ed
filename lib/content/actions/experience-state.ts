import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { requireExperience } from "./checks";

const experienceId = z.string().min(1).max(40);

/** Publishes, pauses or returns an experience to draft. */
export const setExperienceStatusDef = workspaceAction({
  name: "experience.status",
  role: "editor",
  input: z.object({ experienceId, status: z.enum(["draft", "live", "paused"]) }),
  async handler(ctx, { experienceId: id, status }) {
    const e = await requireExperience(ctx.db, ctx.workspaceId, id);
    if (e.isDefault) throw new ActionError("invalid_input", "The default content is always served as the fallback");
    await ctx.db.experience.update({ where: { id: e.id }, data: { status } });
    await configChanged(ctx);
    ctx.audit({
      action: "experience.status",
      targetType: "experience",
      targetId: e.id,
      before: { status: e.status },
      after: { status },
    });
    return { experienceId: e.id, status };
  },
});

/** Moves an experience one place up or down in its placement's order (the first that matches wins). */
export const moveExperienceDef = workspaceAction({
  name: "experience.move",
  role: "editor",
  input: z.object({ experienceId, direction: z.enum(["up", "down"]) }),
  async handler(ctx, { experienceId: id, direction }) {
    const e = await requireExperience(ctx.db, ctx.workspaceId, id);
    if (e.isDefault) throw new ActionError("invalid_input", "The default content always comes last");
    const siblings = await ctx.db.experience.findMany({
      where: { workspaceId: ctx.workspaceId, placementId: e.placementId, isDefault: false },
      orderBy: [{ priority: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const order = siblings.map((s) => s.id);
    const at = order.indexOf(e.id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return { experienceId: e.id, moved: false };
    [order[at], order[to]] = [order[to]!, order[at]!];
    for (const [i, blockId] of order.entries())
      await ctx.db.experience.update({ where: { id: blockId }, data: { priority: i + 1 } });
    await configChanged(ctx);
    ctx.audit({
      action: "experience.move",
      targetType: "experience",
      targetId: e.id,
      after: { direction, position: to + 1 },
    });
    return { experienceId: e.id, moved: true };
  },
});

/** Deletes an experience (not the default). */
export const deleteExperienceDef = workspaceAction({
  name: "experience.delete",
  role: "editor",
  input: z.object({ experienceId }),
  async handler(ctx, { experienceId: id }) {
    const e = await requireExperience(ctx.db, ctx.workspaceId, id);
    if (e.isDefault) throw new ActionError("invalid_input", "A placement keeps its default content");
    await ctx.db.experience.delete({ where: { id: e.id } });
    await configChanged(ctx);
    ctx.audit({
      action: "experience.delete",
      targetType: "experience",
      targetId: e.id,
      before: { name: e.name, status: e.status, body: e.variants[0]?.body },
    });
    return { experienceId: e.id };
  },
});
