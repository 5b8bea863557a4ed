// GET /api/v1/me — which workspace this API key belongs to and what it may do
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";

export const GET = apiRoute({ auth: "any" }, async ({ caller }) => {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: caller.workspaceId }, select: { id: true, name: true, slug: true } });
  return { workspace, scopes: caller.scopes };
});
