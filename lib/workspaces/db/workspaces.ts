import { db } from "@/lib/db/client";

/** The workspaces a user belongs to, with their role, by name. */
export async function workspacesOfUser(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { workspace: { select: { id: true, slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

/** The user's membership of the workspace with this slug, with both records, or null. */
export function membershipBySlug(userId: string, slug: string) {
  return db.membership.findFirst({
    where: { userId, workspace: { slug } },
    include: { workspace: true, user: { select: { id: true, email: true, name: true } } },
  });
}

/** A workspace's public name and slug. */
export function workspaceSummary(workspaceId: string) {
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, name: true, slug: true } });
}

/** Whether the database answers (health checks). */
export async function databaseAnswers(): Promise<boolean> {
  return db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
}
