import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { asTraits, profileDisplayName } from "@/lib/profiles/display";
import { storedRule } from "../stored-rule";

export const MEMBERS_PAGE_SIZE = 50;

/** One segment of the workspace, with its rule parsed; null when it is not in this workspace. */
export async function getSegment(workspaceId: string, segmentId: string) {
  const segment = await db.segment.findFirst({ where: { id: segmentId, workspaceId } });
  if (!segment) return null;
  const source = segment.sourceSegmentId
    ? await db.segment.findFirst({
        where: { id: segment.sourceSegmentId, workspaceId },
        select: { id: true, name: true },
      })
    : null;
  return { ...segment, rule: storedRule(segment.rules), sourceSegment: source };
}

/** The segment's size each time it was computed, oldest first (the last `limit` points). */
export async function sizeHistory(
  workspaceId: string,
  segmentId: string,
  limit = 200,
): Promise<{ at: string; size: number }[]> {
  const rows = await db.segmentSizePoint.findMany({
    where: { workspaceId, segmentId },
    orderBy: { at: "desc" },
    take: limit,
    select: { at: true, size: true },
  });
  return rows.reverse().map((r) => ({ at: r.at.toISOString(), size: r.size }));
}

export type MemberRow = {
  id: string;
  label: string;
  email: string | null;
  enteredAt: Date;
  lastSeenAt: Date;
  orders: number;
  revenue: number;
};

/** A page of current members, those who entered most recently first. */
export async function listMembers(
  workspaceId: string,
  segmentId: string,
  page: number,
): Promise<{ rows: MemberRow[]; total: number; pages: number }> {
  const [{ rows }, count] = await Promise.all([
    pgPool().query<{
      id: string;
      traits: unknown;
      entered_at: Date;
      last_seen_at: Date;
      orders: number;
      revenue: string;
    }>(
      `SELECT p.id, p.traits, m.entered_at, p.last_seen_at, p.orders, p.revenue
       FROM segment_memberships m JOIN profiles p ON p.workspace_id = m.workspace_id AND p.id = m.profile_id
       WHERE m.workspace_id = $1 AND m.segment_id = $2 AND m.exited_at IS NULL
       ORDER BY m.entered_at DESC, p.id LIMIT $3 OFFSET $4`,
      [workspaceId, segmentId, MEMBERS_PAGE_SIZE, (page - 1) * MEMBERS_PAGE_SIZE],
    ),
    db.segmentMembership.count({ where: { workspaceId, segmentId, exitedAt: null } }),
  ]);
  return {
    total: count,
    pages: Math.max(1, Math.ceil(count / MEMBERS_PAGE_SIZE)),
    rows: rows.map((r) => {
      const traits = asTraits(r.traits);
      return {
        id: r.id,
        label: profileDisplayName(traits) ?? `Anonymous ${r.id.slice(-6)}`,
        email: typeof traits.email === "string" ? traits.email : null,
        enteredAt: r.entered_at,
        lastSeenAt: r.last_seen_at,
        orders: r.orders,
        revenue: Number(r.revenue),
      };
    }),
  };
}
