import type { z } from "zod";
import { db } from "@/lib/db/client";
import { resolveRange, type rangeInputSchema, type ResolvedRange } from "../range";

/** The days a range choice spans in the workspace's time zone as of `now`, with that zone; null: no such workspace. */
export async function workspaceRange(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now: Date,
): Promise<{ timeZone: string; holdoutShare: number; range: ResolvedRange } | null> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { timeZone: true, holdoutShare: true },
  });
  if (!workspace) return null;
  return { ...workspace, range: resolveRange(input, now, workspace.timeZone) };
}
