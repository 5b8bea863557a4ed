import { db } from "@/lib/db/client";
import { auth } from "./auth";

/**
 * The signed-in user's id, or null: a session counts while it carries the
 * user's current session version (signing out bumps it, ending every session
 * of the user at once). One indexed read (requireWorkspace, which pages
 * call, memoizes per request).
 */
export async function currentUserId(): Promise<string | null> {
  const session = (await auth()) as { user?: { id?: string }; sessionVersion?: number } | null;
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user && user.sessionVersion === session.sessionVersion ? userId : null;
}

/** Ends every session of a user, on every device (sign-out). */
export async function endSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
