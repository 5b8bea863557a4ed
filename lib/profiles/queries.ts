import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PROFILES_PAGE_SIZE = 50;

/** One page of the workspace's profiles, most recently seen first; `q` matches email or name traits. */
export async function listProfiles(workspaceId: string, { q, page }: { q?: string; page: number }) {
  const where: Prisma.ProfileWhereInput = { workspaceId };
  if (q) {
    where.OR = ["email", "first_name", "last_name"].map((key) => ({ traits: { path: [key], string_contains: q, mode: "insensitive" } }) as Prisma.ProfileWhereInput);
  }
  const [total, rows] = await Promise.all([
    db.profile.count({ where }),
    db.profile.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PROFILES_PAGE_SIZE,
      take: PROFILES_PAGE_SIZE,
      select: { id: true, traits: true, firstSeenAt: true, lastSeenAt: true },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PROFILES_PAGE_SIZE)) };
}
