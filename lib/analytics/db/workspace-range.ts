import type { z } from "zod";
import { db } from "@/lib/db/client";
import { resolveRange, type rangeInputSchema, type ResolvedRange } from "../range";

/**
 * The days a range choice spans in the workspace's time zone as of `now`, with that zone, and whether its
 * dashboards' rollup is ready in that zone (else the loaders read the raw events) and as of when; null: no such
 * workspace.
 */
export async function workspaceRange(
  workspaceId: string,
  input: z.output<typeof rangeInputSchema>,
  now: Date,
): Promise<{
  timeZone: string;
  holdoutShare: number;
  rolledUp: boolean;
  /** When the rollup's last pass (or rebuild) read what had been committed; null when the raw events are read. */
  rolledUpAt: Date | null;
  range: ResolvedRange;
} | null> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      timeZone: true,
      holdoutShare: true,
      analyticsRollup: { select: { status: true, timeZone: true, passedAt: true } },
    },
  });
  if (!workspace) return null;
  const { analyticsRollup: rollup, ...found } = workspace;
  const rolledUp = rollup?.status === "ready" && rollup.timeZone === workspace.timeZone;
  const rolledUpAt = rolledUp ? (rollup.passedAt ?? null) : null;
  return { ...found, rolledUp, rolledUpAt, range: resolveRange(input, now, workspace.timeZone) };
}
