import { db } from "@/lib/db/client";
import { DAY_MS } from "@/lib/time";

/** What the identity settings show: the requirement, the request traits, the secrets (never their value) and the last 7 days' counts. */
export async function identitySettings(workspaceId: string, now = new Date()) {
  const since = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - 6 * DAY_MS);
  const [workspace, secrets, checks] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { requireSignedUserIds: true, requestTraits: true },
    }),
    db.identitySecret.findMany({
      where: { workspaceId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, prefix: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.identityCheckDay.aggregate({
      where: { workspaceId, day: { gte: since } },
      _sum: { verified: true, unverified: true },
    }),
  ]);
  return {
    ...workspace,
    secrets,
    lastSevenDays: { verified: Number(checks._sum.verified ?? 0), unverified: Number(checks._sum.unverified ?? 0) },
  };
}
export type IdentitySettings = Awaited<ReturnType<typeof identitySettings>>;
