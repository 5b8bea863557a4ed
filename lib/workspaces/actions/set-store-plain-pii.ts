import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";

/**
 * Whether plain emails and phone numbers are kept as profile traits (they
 * are always kept, hashed, as identities for matching). Turning it off also
 * removes the plain values already stored.
 */
export const setStorePlainPiiDef = workspaceAction({
  name: "workspace.set_store_plain_pii",
  role: "admin",
  input: z.object({ storePlainPii: z.boolean() }),
  async handler(ctx, { storePlainPii }) {
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { storePlainPii: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { storePlainPii } });
    const scrubbed = storePlainPii
      ? 0
      : await ctx.db.$executeRaw`UPDATE profiles SET traits = traits - 'email' - 'phone', updated_at = now()
                                 WHERE workspace_id = ${ctx.workspaceId} AND (traits ? 'email' OR traits ? 'phone')`;
    ctx.audit({
      action: "workspace.set_store_plain_pii",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: { storePlainPii, scrubbedProfiles: scrubbed },
    });
    return { storePlainPii, scrubbed };
  },
});
