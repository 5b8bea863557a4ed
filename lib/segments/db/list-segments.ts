import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";

/** Points of each segment's size history drawn in the list's sparkline. */
const TREND_POINTS = 30;

export type SegmentListRow = {
  id: string;
  name: string;
  description: string;
  kind: "dynamic" | "static";
  size: number | null;
  reachableSize: number | null;
  lastComputedAt: Date | null;
  updatedAt: Date;
  archivedAt: Date | null;
  trend: number[];
  usedBy: number;
};

/** The workspace's segments (archived ones only when asked), most recently changed first, with their trend and how many experiences and experiments use them. */
export async function listSegments(
  workspaceId: string,
  { archived = false }: { archived?: boolean } = {},
): Promise<SegmentListRow[]> {
  const segments = await db.segment.findMany({
    where: { workspaceId, archivedAt: archived ? { not: null } : null },
    select: {
      id: true,
      name: true,
      description: true,
      kind: true,
      size: true,
      reachableSize: true,
      lastComputedAt: true,
      updatedAt: true,
      archivedAt: true,
    },
    orderBy: { updatedAt: "desc" },
  });
  if (segments.length === 0) return [];
  const ids = segments.map((s) => s.id);
  const [trends, usage] = await Promise.all([
    pgPool().query<{ segment_id: string; sizes: number[] }>(
      `SELECT segment_id, array_agg(size ORDER BY at) AS sizes FROM (
         SELECT segment_id, size, at, row_number() OVER (PARTITION BY segment_id ORDER BY at DESC) AS n
         FROM segment_size_points WHERE workspace_id = $1 AND segment_id = ANY($2::text[])) t
       WHERE n <= ${TREND_POINTS} GROUP BY segment_id`,
      [workspaceId, ids],
    ),
    segmentUsage(workspaceId, ids),
  ]);
  const trendOf = new Map(trends.rows.map((r) => [r.segment_id, r.sizes]));
  return segments.map((s) => ({ ...s, trend: trendOf.get(s.id) ?? [], usedBy: usage.get(s.id)?.length ?? 0 }));
}

export type SegmentUse = { kind: "experience" | "experiment"; id: string; name: string };

/** Where segments are used: content experiences and experiments that target them. */
export async function segmentUsage(workspaceId: string, segmentIds: string[]): Promise<Map<string, SegmentUse[]>> {
  const [experiences, experiments] = await Promise.all([
    db.experience.findMany({
      where: { workspaceId, segmentId: { in: segmentIds } },
      select: { id: true, name: true, segmentId: true },
    }),
    db.experiment.findMany({
      where: { workspaceId, segmentId: { in: segmentIds } },
      select: { id: true, name: true, segmentId: true },
    }),
  ]);
  const uses = new Map<string, SegmentUse[]>();
  for (const e of experiences)
    uses.set(e.segmentId!, [...(uses.get(e.segmentId!) ?? []), { kind: "experience", id: e.id, name: e.name }]);
  for (const e of experiments)
    uses.set(e.segmentId!, [...(uses.get(e.segmentId!) ?? []), { kind: "experiment", id: e.id, name: e.name }]);
  return uses;
}

/** Live segments for pickers (membership conditions, targeting). */
export function segmentOptions(workspaceId: string) {
  return db.segment.findMany({
    where: { workspaceId, archivedAt: null },
    select: { id: true, name: true, kind: true },
    orderBy: { name: "asc" },
  });
}
