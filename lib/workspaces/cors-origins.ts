import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { clearKeyCache, notifyKeysChanged } from "@/lib/api-keys/key-cache";

/** An origin as browsers send it: scheme, host and port, nothing else (`*` allows any). */
export function parseOrigins(text: string): { origins: string[]; invalid: string[] } {
  const entries = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((e) => e.trim())
        .filter(Boolean),
    ),
  ];
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    if (entry === "*") {
      origins.push(entry);
      continue;
    }
    try {
      const url = new URL(entry);
      if (!["http:", "https:"].includes(url.protocol) || url.origin !== entry.replace(/\/$/, ""))
        throw new Error("not an origin");
      origins.push(url.origin);
    } catch {
      invalid.push(entry);
    }
  }
  return { origins, invalid };
}

/** The origins whose pages may call the decision and event API with this workspace's client keys. */
export const setCorsOriginsDef = workspaceAction({
  name: "workspace.set_cors_origins",
  role: "admin",
  input: z.object({ origins: z.string().max(10_000) }),
  async handler(ctx, { origins: text }) {
    const { origins, invalid } = parseOrigins(text);
    if (invalid.length > 0)
      throw new ActionError("invalid_input", "Some entries are not origins", {
        origins: [`Not an origin (like https://shop.example.com): ${invalid.join(", ")}`],
      });
    if (origins.length > 50)
      throw new ActionError("invalid_input", "Too many origins", { origins: ["At most 50 origins"] });
    const before = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { corsOrigins: true },
    });
    await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { corsOrigins: origins } });
    await notifyKeysChanged(ctx.db); // the key cache of every process holds each workspace's origins
    ctx.afterCommit(async () => clearKeyCache());
    ctx.audit({
      action: "workspace.set_cors_origins",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: { corsOrigins: origins },
    });
    return { origins };
  },
});
