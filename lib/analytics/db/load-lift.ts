import type { z } from "zod";
import { db } from "@/lib/db/client";
import { personalizationLift, type PersonalizationLift } from "../lift";
import { resolveRange, type rangeInputSchema, type ResolvedRange } from "../range";
import { holdoutGroups } from "./holdout-groups";

export type LoadedLift = { timeZone: string; range: ResolvedRange; lift: PersonalizationLift };

/** Personalization's lift over the global holdout on the chosen days, in the workspace's time zone; null: no workspace. */
export async function loadLift(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now = new Date(),
): Promise<LoadedLift | null> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { timeZone: true, holdoutShare: true },
  });
  if (!workspace) return null;
  const range = resolveRange(input, now, workspace.timeZone);
  const groups = await holdoutGroups(workspaceId, range, workspace.timeZone);
  return {
    timeZone: workspace.timeZone,
    range,
    lift: personalizationLift({ holdoutShare: workspace.holdoutShare, ...groups }),
  };
}
