import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { keysChanged } from "@/lib/api-keys/actions/keys-changed";
import { setRequestTraitsSchema, setRequireSignedUserIdsSchema } from "../identity-secret";

/** Whether a client key's userId needs its userHash (on: an unsigned one is decided and stored as anonymous). */
export const setRequireSignedUserIdsDef = workspaceAction({
  name: "workspace.require_signed_user_ids",
  role: "admin",
  input: setRequireSignedUserIdsSchema,
  async handler(ctx, { required }) {
    if (required) {
      const secrets = await ctx.db.identitySecret.count({
        where: { workspaceId: ctx.workspaceId, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
      });
      if (secrets === 0)
        throw new ActionError("conflict", "Make an identity secret first: without one, no user id can be signed");
    }
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { requireSignedUserIds: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { requireSignedUserIds: required } });
    keysChanged(ctx);
    ctx.audit({
      action: "workspace.require_signed_user_ids",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: { requireSignedUserIds: required },
    });
    return { required };
  },
});

/** The trait keys a client key's decide request may supply for targeting. */
export const setRequestTraitsDef = workspaceAction({
  name: "workspace.set_request_traits",
  role: "admin",
  input: setRequestTraitsSchema,
  async handler(ctx, { traits }) {
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { requestTraits: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { requestTraits: traits } });
    keysChanged(ctx); // the key cache holds each workspace's request traits
    ctx.audit({
      action: "workspace.set_request_traits",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: { requestTraits: traits },
    });
    return { traits };
  },
});
