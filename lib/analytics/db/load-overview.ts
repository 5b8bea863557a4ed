import { overviewOf, type Overview } from "../overview";
import type { rangeInputSchema } from "../range";
import type { z } from "zod";
import { periodCounts } from "./period-counts";
import { rollupPeriodCounts } from "./rollup-period-counts";
import { workspaceRange } from "./workspace-range";

/**
 * The workspace's overview for a chosen range, in its time zone, as of `now`, from its rollup when that is ready
 * (else from the raw events); null when there is no such workspace.
 */
export async function loadOverview(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now = new Date(),
): Promise<Overview | null> {
  const found = await workspaceRange(workspaceId, input, now);
  if (!found) return null;
  const { timeZone, range, rolledUp, rolledUpAt } = found;
  const spans = range.comparison ? [range, range.comparison] : [range];
  const [current, comparison] = rolledUp
    ? await rollupPeriodCounts(workspaceId, spans)
    : await periodCounts(workspaceId, spans, timeZone);
  return overviewOf({ timeZone, range, current: current!, comparison: comparison ?? null, now, rolledUpAt });
}
