import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { keysChanged } from "@/lib/api-keys/actions/keys-changed";
import { expireIdentitySecretSchema } from "../identity-secret";

/** Ends a replaced secret's overlap now (the current secret is ended by making a new one). */
export const expireIdentitySecretDef = workspaceAction({
  name: "identity_secret.expire",
  role: "admin",
  input: expireIdentitySecretSchema,
  async handler(ctx, { secretId }) {
    const now = new Date();
    const secret = await ctx.db.identitySecret.findFirst({ where: { id: secretId, workspaceId: ctx.workspaceId } });
    if (!secret) throw new ActionError("not_found", "That secret is not in this workspace");
    if (secret.expiresAt === null)
      throw new ActionError("conflict", "This is the current secret: make a new one to replace it");
    if (secret.expiresAt <= now) return { secretId };
    await ctx.db.identitySecret.update({ where: { id: secret.id }, data: { expiresAt: now } });
    keysChanged(ctx);
    ctx.audit({
      action: "identity_secret.expire",
      targetType: "identity_secret",
      targetId: secret.id,
      before: { prefix: secret.prefix, expiresAt: secret.expiresAt },
    });
    return { secretId };
  },
});
