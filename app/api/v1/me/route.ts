// GET /api/v1/me — which workspace this API key belongs to and what it may do
import { apiRoute } from "@/lib/api/route";
import { workspaceSummary } from "@/lib/workspaces/db/workspaces";

export const GET = apiRoute({ auth: "any" }, async ({ caller }) => {
  return { workspace: await workspaceSummary(caller.workspaceId), scopes: caller.scopes };
});
