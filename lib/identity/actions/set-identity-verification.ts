import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { changeKeySetting } from "@/lib/workspaces/actions/change-key-setting";
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
    await changeKeySetting(ctx, "workspace.require_signed_user_ids", "requireSignedUserIds", required);
    return { required };
  },
});

/** The trait keys a client key's decide request may supply for targeting. */
export const setRequestTraitsDef = workspaceAction({
  name: "workspace.set_request_traits",
  role: "admin",
  input: setRequestTraitsSchema,
  async handler(ctx, { traits }) {
    await changeKeySetting(ctx, "workspace.set_request_traits", "requestTraits", traits);
    return { traits };
  },
});
