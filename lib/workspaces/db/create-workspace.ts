import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { normalizeEmail } from "@/lib/identity/normalize";

/** A URL slug from a workspace's name: lower-case letters, digits and dashes. */
export function slugOf(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "workspace"
  );
}

/**
 * A new workspace with its first admin, for an installation without the
 * demo: the user is created with this password, or, when the email already
 * has an account, that account becomes the admin (its password unchanged).
 * The slug is the name's, with a number added when taken.
 */
export async function createWorkspaceWithAdmin(input: {
  workspaceName: string;
  email: string;
  name: string;
  password: string;
}): Promise<{ workspaceSlug: string; userCreated: boolean }> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const base = slugOf(input.workspaceName);
    let slug = base;
    for (let n = 2; await tx.workspace.findUnique({ where: { slug }, select: { id: true } }); n++)
      slug = `${base}-${n}`;
    const workspace = await tx.workspace.create({
      data: { name: input.workspaceName, slug, identitySalt: randomBytes(16).toString("hex") },
    });
    const existing = await tx.user.findUnique({ where: { email } });
    const user = existing ?? (await tx.user.create({ data: { email, name: input.name, passwordHash } }));
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "admin" } });
    await tx.auditLog.create({
      data: {
        workspaceId: workspace.id,
        actorKind: "system",
        action: "workspace.create",
        targetType: "workspace",
        targetId: workspace.id,
        after: { name: input.workspaceName, slug, admin: email },
      },
    });
    return { workspaceSlug: slug, userCreated: !existing };
  });
}
