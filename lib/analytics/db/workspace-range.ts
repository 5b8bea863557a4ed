import type { z } from "zod";
import { db } from "@/lib/db/client";
import { resolveRange, type rangeInputSchema, type ResolvedRange } from "../range";

/**
 * The days a range choice spans in the workspace's time zone as of `now`, with that zone, and whether its
 * dashboards' rollup is ready in that zone (else the loaders read the raw events); null: no such workspace.
 */
export async function workspaceRange(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now: Date,
): Promise<{ timeZone: string; holdoutShare: number; rolledUp: boolean; range: ResolvedRange } | null> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { timeZone: true, holdoutShare: true, analyticsRollup: { select: { status: true, timeZone: true } } },
  });
  if (!workspace) return null;
  const { analyticsRollup: rollup, ...found } = workspace;
  const rolledUp = rollup?.status === "ready" && rollup.timeZone === workspace.timeZone;
  return { ...found, rolledUp, range: resolveRange(input, now, workspace.timeZone) };
}
