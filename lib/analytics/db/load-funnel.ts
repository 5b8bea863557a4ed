import type { z } from "zod";
import { db } from "@/lib/db/client";
import { funnelSteps, type FunnelGroup, type FunnelInput } from "../funnel";
import type { rangeInputSchema, ResolvedRange } from "../range";
import { funnelCounts } from "./funnel-counts";
import { workspaceRange } from "./workspace-range";

export type LoadedFunnel = { timeZone: string; range: ResolvedRange; windowDays: number; groups: FunnelGroup[] };

/**
 * A funnel over the chosen days, its groups named (an experiment's variations by name); `unknown` names the
 * field of a segment or experiment that is not the workspace's; null: no workspace.
 */
export async function loadFunnel(
  workspaceId: string,
  range: z.output<typeof rangeInputSchema>,
  funnel: FunnelInput,
  now = new Date(),
): Promise<LoadedFunnel | { unknown: "segmentId" | "experimentId" } | null> {
  const found = await workspaceRange(workspaceId, range, now);
  if (!found) return null;
  const { timeZone, range: resolved, rolledUp } = found;
  const names = new Map<string, string>();
  if (funnel.split === "segment") {
    const segment = await db.segment.findFirst({
      where: { id: funnel.segmentId, workspaceId },
      select: { name: true },
    });
    if (!segment) return { unknown: "segmentId" };
    names.set("member", `In ${segment.name}`);
    names.set("not a member", `Not in ${segment.name}`);
  }
  if (funnel.split === "experiment") {
    const experiment = await db.experiment.findFirst({
      where: { id: funnel.experimentId, workspaceId },
      select: { variations: { select: { id: true, name: true } } },
    });
    if (!experiment) return { unknown: "experimentId" };
    for (const v of experiment.variations) names.set(v.id, v.name);
  }
  const counts = await funnelCounts(workspaceId, resolved, timeZone, funnel, rolledUp);
  return {
    timeZone: timeZone,
    range: resolved,
    windowDays: funnel.windowDays,
    groups: counts.map((c) => ({
      group: c.group,
      label: names.get(c.group) ?? (c.group === "all" ? "Everyone" : c.group),
      steps: funnelSteps(c),
    })),
  };
}
