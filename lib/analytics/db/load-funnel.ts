import type { z } from "zod";
import { db } from "@/lib/db/client";
import { funnelSteps, type FunnelGroup, type FunnelInput } from "../funnel";
import { resolveRange, type rangeInputSchema, type ResolvedRange } from "../range";
import { funnelCounts } from "./funnel-counts";

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
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { timeZone: true } });
  if (!workspace) return null;
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
  const resolved = resolveRange(range, now, workspace.timeZone);
  const counts = await funnelCounts(workspaceId, resolved, workspace.timeZone, funnel);
  return {
    timeZone: workspace.timeZone,
    range: resolved,
    windowDays: funnel.windowDays,
    groups: counts.map((c) => ({
      group: c.group,
      label: names.get(c.group) ?? (c.group === "all" ? "Everyone" : c.group),
      steps: funnelSteps(c),
    })),
  };
}
