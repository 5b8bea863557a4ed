import type { z } from "zod";
import { db } from "@/lib/db/client";
import { bestAndWorst, contentRows, type ContentRow } from "../content";
import { resolveRange, type rangeInputSchema, type ResolvedRange } from "../range";
import { contentCounts } from "./content-counts";

export type LoadedContent = {
  timeZone: string;
  range: ResolvedRange;
  rows: ContentRow[];
  /** By revenue per impression, among variants shown at least 100 times; null with fewer than two such. */
  extremes: { best: ContentRow; worst: ContentRow } | null;
};

/** Content performance over the chosen days, in the workspace's time zone; null: no workspace. */
export async function loadContent(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now = new Date(),
): Promise<LoadedContent | null> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { timeZone: true } });
  if (!workspace) return null;
  const range = resolveRange(input, now, workspace.timeZone);
  const rows = contentRows(await contentCounts(workspaceId, range, workspace.timeZone));
  return { timeZone: workspace.timeZone, range, rows, extremes: bestAndWorst(rows) };
}
