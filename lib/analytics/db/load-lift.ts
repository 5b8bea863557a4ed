import type { z } from "zod";
import { personalizationLift, type PersonalizationLift } from "../lift";
import type { rangeInputSchema, ResolvedRange } from "../range";
import { holdoutGroups } from "./holdout-groups";
import { rollupHoldoutGroups } from "./rollup-holdout-groups";
import { workspaceRange } from "./workspace-range";

export type LoadedLift = { timeZone: string; range: ResolvedRange; lift: PersonalizationLift };

/** Personalization's lift over the global holdout on the chosen days, in the workspace's time zone (from the rollup when ready); null: no workspace. */
export async function loadLift(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now = new Date(),
): Promise<LoadedLift | null> {
  const found = await workspaceRange(workspaceId, input, now);
  if (!found) return null;
  const { timeZone, holdoutShare, range, rolledUp } = found;
  const groups = rolledUp
    ? await rollupHoldoutGroups(workspaceId, range)
    : await holdoutGroups(workspaceId, range, timeZone);
  return {
    timeZone,
    range,
    lift: personalizationLift({ holdoutShare, ...groups }),
  };
}
