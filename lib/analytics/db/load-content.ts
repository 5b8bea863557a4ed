import type { z } from "zod";
import { bestAndWorst, contentRows, type ContentRow } from "../content";
import type { rangeInputSchema, ResolvedRange } from "../range";
import { contentCounts } from "./content-counts";
import { rollupContentCounts } from "./rollup-content-counts";
import { workspaceRange } from "./workspace-range";

export type LoadedContent = {
  timeZone: string;
  range: ResolvedRange;
  rows: ContentRow[];
  /** By revenue per impression, among variants shown at least 100 times; null with fewer than two such. */
  extremes: { best: ContentRow; worst: ContentRow } | null;
};

/** Content performance over the chosen days, in the workspace's time zone (from the rollup when ready); null: no workspace. */
export async function loadContent(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now = new Date(),
): Promise<LoadedContent | null> {
  const found = await workspaceRange(workspaceId, input, now);
  if (!found) return null;
  const { timeZone, range, rolledUp } = found;
  const counts = rolledUp
    ? await rollupContentCounts(workspaceId, range)
    : await contentCounts(workspaceId, range, timeZone);
  const rows = contentRows(counts);
  return { timeZone, range, rows, extremes: bestAndWorst(rows) };
}
