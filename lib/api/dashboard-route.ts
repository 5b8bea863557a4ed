import { currentUserId } from "@/lib/auth/session";
import { hasRole, type Role } from "@/lib/members/roles";
import { membershipBySlug } from "@/lib/workspaces/db/workspaces";
import { ApiError, errorBody } from "./errors";

type Workspace = NonNullable<Awaited<ReturnType<typeof membershipBySlug>>>["workspace"];
type Context<P> = { request: Request; params: P; userId: string; workspace: Workspace; role: Role };

/**
 * The one wrapper of the dashboard's own route handlers (uploads and
 * downloads that server actions cannot stream): the session's user, their
 * membership of the workspace in the URL, the role, and the API's error body.
 */
export function dashboardRoute<P extends { workspace: string }>(
  options: { role: Role },
  handler: (ctx: Context<P>) => Promise<Response | unknown>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const resolved = await params;
      const userId = await currentUserId();
      if (!userId) throw new ApiError("unauthorized", "Sign in again to continue");
      const membership = await membershipBySlug(userId, resolved.workspace);
      if (!membership) throw new ApiError("not_found", "No such workspace");
      if (!hasRole(membership.role, options.role))
        throw new ApiError(
          "forbidden",
          `Your role (${membership.role}) cannot do this; it needs ${options.role} or above`,
        );
      const result = await handler({
        request,
        params: resolved,
        userId,
        workspace: membership.workspace,
        role: membership.role,
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (error instanceof ApiError) return Response.json(errorBody(error), { status: error.status });
      console.error(`[dashboard ${request.method} ${new URL(request.url).pathname}]`, error);
      return Response.json(errorBody(new ApiError("internal", "Internal error")), { status: 500 });
    }
  };
}
