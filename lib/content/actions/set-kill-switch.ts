import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { requirePlacement } from "./checks";

/** The kill switch: while on, the placement serves only its default content, to everyone, at once. */
export const setKillSwitchDef = workspaceAction({
  name: "placement.kill_switch",
  role: "editor",
  input: z.object({ placementId: z.string().min(1).max(40), on: z.boolean() }),
  async handler(ctx, { placementId, on }) {
    const placement = await requirePlacement(ctx.db, ctx.workspaceId, placementId);
    await ctx.db.placement.update({ where: { id: placement.id }, data: { killSwitch: on } });
    await configChanged(ctx);
    ctx.audit({
      action: "placement.kill_switch",
      targetType: "placement",
      targetId: placement.id,
      before: { killSwitch: placement.killSwitch },
      after: { killSwitch: on },
    });
    return { placementId: placement.id, killSwitch: on };
  },
});
