import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { currentUserId } from "@/lib/auth/session";
import { hasRole, type Role } from "@/lib/members/roles";
import { membershipBySlug } from "../db/workspaces";

/**
 * The page loaders' membership check: the signed-in user's membership of the
 * workspace in the URL. No session → sign-in page; not a member → 404 (a
 * workspace's existence is not revealed to outsiders). Cached per request.
 */
export const requireWorkspace = cache(async (slug: string) => {
  const userId = await currentUserId();
  if (!userId) redirect("/login");
  const membership = await membershipBySlug(userId, slug);
  if (!membership) notFound();
  const role = membership.role as Role;
  return {
    user: membership.user,
    workspace: membership.workspace,
    role,
    can: { edit: hasRole(role, "editor"), admin: hasRole(role, "admin") },
  };
});

export type WorkspaceAccess = Awaited<ReturnType<typeof requireWorkspace>>;
