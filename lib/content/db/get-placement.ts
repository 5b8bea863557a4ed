import { db } from "@/lib/db/client";
import { instantToZonedTime } from "@/lib/decide/zoned-time";
import { ruleGroupSchema, type RuleGroup } from "@/lib/segments/schema";
import { DAY_MS } from "@/lib/time";

export type ExperienceRow = {
  id: string;
  name: string;
  priority: number;
  status: "draft" | "live" | "paused";
  target: { kind: "segment"; segmentId: string; segmentName: string } | { kind: "rule"; rule: RuleGroup };
  schedule: { startsAt: string | null; endsAt: string | null; timeZone: string };
  body: string;
};

/** A placement of the workspace with its experiences in order and its default content; null when not in this workspace. */
export async function getPlacement(workspaceId: string, placementId: string) {
  const placement = await db.placement.findFirst({
    where: { id: placementId, workspaceId },
    include: {
      experiences: {
        orderBy: [{ priority: "asc" }, { id: "asc" }],
        include: { segment: { select: { name: true } }, variants: { orderBy: { createdAt: "asc" }, take: 1 } },
      },
    },
  });
  if (!placement) return null;
  const fallback = placement.experiences.find((b) => b.isDefault);
  const experiences: ExperienceRow[] = placement.experiences
    .filter((b) => !b.isDefault)
    .map((b) => {
      const zone = b.timeZone ?? "UTC";
      const rule = ruleGroupSchema.safeParse(b.rules);
      return {
        id: b.id,
        name: b.name,
        priority: b.priority,
        status: b.status,
        target: b.segmentId
          ? { kind: "segment", segmentId: b.segmentId, segmentName: b.segment?.name ?? "(deleted segment)" }
          : {
              kind: "rule",
              rule: rule.success ? rule.data : { type: "group", id: "root", combinator: "and", children: [] },
            },
        schedule: {
          startsAt: b.startsAt ? instantToZonedTime(b.startsAt.getTime(), zone) : null,
          endsAt: b.endsAt ? instantToZonedTime(b.endsAt.getTime(), zone) : null,
          timeZone: zone,
        },
        body: b.variants[0]?.body ?? "",
      };
    });
  return {
    id: placement.id,
    key: placement.key,
    name: placement.name,
    contentType: placement.contentType,
    jsonSchema: placement.jsonSchema === null ? null : JSON.stringify(placement.jsonSchema, null, 2),
    killSwitch: placement.killSwitch,
    defaultBody: fallback?.variants[0]?.body ?? "",
    experiences,
  };
}

export type PlacementDetail = NonNullable<Awaited<ReturnType<typeof getPlacement>>>;

/** Impressions per placement in the last 7 UTC days, today included (the day counts the decision servers keep). */
export async function placementImpressions(workspaceId: string): Promise<Map<string, number>> {
  const since = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 6 * DAY_MS);
  const rows = await db.placementImpression.groupBy({
    by: ["placementId"],
    where: { workspaceId, day: { gte: since } },
    _sum: { impressions: true },
  });
  return new Map(rows.map((r) => [r.placementId, Number(r._sum.impressions ?? 0)]));
}
