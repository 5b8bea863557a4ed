import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { timeZoneSchema } from "../time-zone";

/**
 * The workspace's time zone (admins): the overview's days, presets and daily series are counted in it from the
 * next read. A name Intl knows but Postgres does not is refused at `timeZone`, so that no read can fail on it.
 */
export const setTimeZoneDef = workspaceAction({
  name: "workspace.set_time_zone",
  role: "admin",
  input: z.object({ timeZone: timeZoneSchema }),
  async handler(ctx, { timeZone }) {
    const known = await ctx.db.$queryRaw<
      { ok: number }[]
    >`SELECT 1 AS ok FROM pg_timezone_names WHERE name = ${timeZone}`;
    if (known.length === 0) {
      const message = `The database does not know the time zone “${timeZone}”`;
      throw new ActionError("invalid_input", message, { timeZone: [message] });
    }
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { timeZone: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { timeZone } });
    ctx.audit({
      action: "workspace.set_time_zone",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: { timeZone },
    });
    return { timeZone };
  },
});
