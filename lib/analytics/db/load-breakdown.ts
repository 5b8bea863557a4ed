import type { z } from "zod";
import { db } from "@/lib/db/client";
import { breakdownRows, type breakdownInputSchema, type BreakdownDimension, type BreakdownRow } from "../breakdown";
import type { rangeInputSchema, ResolvedRange } from "../range";
import { breakdownCounts } from "./breakdown-counts";
import { rollupBreakdownCounts } from "./rollup-breakdown-counts";
import { workspaceRange } from "./workspace-range";

export type LoadedBreakdown = { timeZone: string; range: ResolvedRange; by: BreakdownDimension; rows: BreakdownRow[] };

/**
 * A breakdown of the overview's figures over the chosen days (from the rollup when it is ready); `unknownSegments` lists chosen segment ids that
 * are not the workspace's (nothing is counted then); null: no workspace.
 */
export async function loadBreakdown(
  workspaceId: string,
  range: z.output<typeof rangeInputSchema>,
  breakdown: z.output<typeof breakdownInputSchema>,
  now = new Date(),
): Promise<LoadedBreakdown | { unknownSegments: string[] } | null> {
  const found = await workspaceRange(workspaceId, range, now);
  if (!found) return null;
  const { timeZone, range: resolved, rolledUp } = found;
  const ids = breakdown.by === "segment" ? [...new Set(breakdown.segmentIds)] : [];
  const segments = ids.length
    ? await db.segment.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const unknown = ids.filter((id) => !segments.some((s) => s.id === id));
  if (unknown.length > 0) return { unknownSegments: unknown };
  const counts = await (rolledUp ? rollupBreakdownCounts : breakdownCounts)(
    workspaceId,
    resolved,
    timeZone,
    breakdown.by,
    ids,
  );
  const label = (value: string) => segments.find((s) => s.id === value)?.name ?? value;
  return {
    timeZone: timeZone,
    range: resolved,
    by: breakdown.by,
    rows: breakdownRows(
      breakdown.by,
      counts.map((c) => ({ ...c, label: label(c.value) })),
    ),
  };
}
