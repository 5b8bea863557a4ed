import { db } from "@/lib/db/client";
import { overviewOf, type Overview } from "../overview";
import { resolveRange, type rangeInputSchema } from "../range";
import type { z } from "zod";
import { periodCounts } from "./period-counts";

/** The workspace's overview for a chosen range, in its time zone, as of `now`; null when there is no such workspace. */
export async function loadOverview(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now = new Date(),
): Promise<Overview | null> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { timeZone: true } });
  if (!workspace) return null;
  const range = resolveRange(input, now, workspace.timeZone);
  const spans = range.comparison ? [range, range.comparison] : [range];
  const [current, comparison] = await periodCounts(workspaceId, spans, workspace.timeZone);
  return overviewOf({ timeZone: workspace.timeZone, range, current: current!, comparison: comparison ?? null, now });
}
