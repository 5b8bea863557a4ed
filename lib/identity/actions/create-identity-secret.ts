import { workspaceAction } from "@/lib/actions/action-client";
import { keysChanged } from "@/lib/api-keys/actions/keys-changed";
import { createIdentitySecretSchema, generateIdentitySecret, SECRET_PREFIX_LENGTH } from "../identity-secret";

/**
 * Makes a new identity secret, returned this once. The secrets it replaces
 * keep verifying for the chosen overlap, so the storefront's servers can
 * switch without a gap; 0 ends them at once (a leaked secret).
 */
export const createIdentitySecretDef = workspaceAction({
  name: "identity_secret.create",
  role: "admin",
  input: createIdentitySecretSchema,
  async handler(ctx, { overlapHours }) {
    const now = new Date();
    const until = new Date(now.getTime() + overlapHours * 3_600_000);
    const replaced = await ctx.db.identitySecret.updateMany({
      where: { workspaceId: ctx.workspaceId, OR: [{ expiresAt: null }, { expiresAt: { gt: until } }] },
      data: { expiresAt: until },
    });
    const secret = generateIdentitySecret();
    const created = await ctx.db.identitySecret.create({
      data: {
        workspaceId: ctx.workspaceId,
        secret,
        prefix: secret.slice(0, SECRET_PREFIX_LENGTH),
        createdById: ctx.userId,
      },
      select: { id: true, prefix: true },
    });
    keysChanged(ctx); // every process's key cache holds the verifying secrets
    ctx.audit({
      action: "identity_secret.create",
      targetType: "identity_secret",
      targetId: created.id,
      after: { prefix: created.prefix, replaced: replaced.count, overlapHours },
    });
    return { secret, secretId: created.id };
  },
});
