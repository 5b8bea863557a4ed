import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { db } from "@/lib/db/client";
import { profileDisplayName } from "@/lib/profiles/display";
import { listProfiles } from "@/lib/profiles/db/profiles";

/** Profiles to preview content as: a search by email, user id, anonymous id or trait value (the profiles list's search). */
export const profileLookupDef = workspaceQuery({
  name: "content.profile_lookup",
  role: "viewer",
  input: z.object({ q: z.string().trim().max(200) }),
  async handler(ctx, { q }) {
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { id: true, identitySalt: true },
    });
    const { rows } = await listProfiles(workspace, { q: q || undefined, page: 1 });
    return rows.slice(0, 8).map((p) => ({
      id: p.id,
      label: profileDisplayName(p.traits) ?? `Anonymous ${p.id.slice(-6)}`,
      country: typeof p.traits.country === "string" ? p.traits.country : null,
      orders: p.orders,
    }));
  },
});
