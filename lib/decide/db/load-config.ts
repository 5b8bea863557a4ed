import { db } from "@/lib/db/client";
import { storedRule } from "@/lib/segments/stored-rule";
import { ruleGroupSchema } from "@/lib/segments/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SnapshotConfig } from "../build-snapshot";
import type { ExperimentConfig } from "../build-experiments";

const EXPERIMENT_SELECT = {
  id: true,
  key: true,
  name: true,
  type: true,
  status: true,
  seed: true,
  seedPhase: true,
  coverage: true,
  unitType: true,
  layerId: true,
  layerStart: true,
  layerEnd: true,
  experienceId: true,
  placementId: true,
  segmentId: true,
  rules: true,
  factors: true,
  startsAt: true,
  endsAt: true,
  winnerVariationId: true,
  variations: {
    select: {
      id: true,
      key: true,
      name: true,
      weight: true,
      isControl: true,
      variantId: true,
      payload: true,
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  phases: { select: { index: true }, orderBy: { index: "desc" }, take: 1 },
} satisfies Prisma.ExperimentSelect;

type ExperimentRow = Prisma.ExperimentGetPayload<{ select: typeof EXPERIMENT_SELECT }>;

/** An experiment's rows as the snapshot builder takes them (its current phase's index, its inline rule parsed). */
function experimentConfigOf({ phases, rules, ...e }: ExperimentRow): ExperimentConfig {
  const inline = rules === null ? null : ruleGroupSchema.safeParse(rules);
  return { ...e, phase: phases[0]?.index ?? 0, rule: inline?.success ? inline.data : null };
}

/**
 * One experiment of a workspace as the snapshot builder takes it, whatever
 * its status (the experiment page's QA asks how a draft would decide).
 */
export async function loadExperimentConfig(
  workspaceId: string,
  experimentId: string,
): Promise<ExperimentConfig | null> {
  const row = await db.experiment.findFirst({ where: { workspaceId, id: experimentId }, select: EXPERIMENT_SELECT });
  return row ? experimentConfigOf(row) : null;
}

/** Everything a workspace's snapshot is built from, read in one consistent pass (a repeatable-read transaction). */
export async function loadSnapshotConfig(workspaceId: string): Promise<SnapshotConfig | null> {
  return db.$transaction(
    async (tx) => {
      const workspace = await tx.workspace.findUnique({
        where: { id: workspaceId },
        select: { configVersion: true, holdoutShare: true },
      });
      if (!workspace) return null;
      const [segments, placements, experiments] = await Promise.all([
        tx.segment.findMany({ where: { workspaceId }, select: { id: true, name: true, kind: true, rules: true } }),
        tx.placement.findMany({
          where: { workspaceId },
          select: {
            id: true,
            key: true,
            name: true,
            contentType: true,
            killSwitch: true,
            experiences: {
              select: {
                id: true,
                name: true,
                priority: true,
                isDefault: true,
                status: true,
                segmentId: true,
                rules: true,
                startsAt: true,
                endsAt: true,
                variants: {
                  select: { id: true, name: true, body: true },
                  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
                },
              },
            },
          },
        }),
        tx.experiment.findMany({
          where: { workspaceId, status: { in: ["draft", "running", "paused", "stopped"] } },
          select: EXPERIMENT_SELECT,
        }),
      ]);
      return {
        holdoutShare: workspace.holdoutShare,
        experiments: experiments.map(experimentConfigOf),
        workspaceId,
        version: workspace.configVersion,
        segments: segments.map((s) => ({ id: s.id, name: s.name, kind: s.kind, rule: storedRule(s.rules) })),
        placements: placements.map((p) => ({
          id: p.id,
          key: p.key,
          name: p.name,
          contentType: p.contentType,
          killSwitch: p.killSwitch,
          experiences: p.experiences.map((b) => {
            const inline = b.rules === null ? null : ruleGroupSchema.safeParse(b.rules);
            return {
              id: b.id,
              name: b.name,
              priority: b.priority,
              isDefault: b.isDefault,
              status: b.status,
              segmentId: b.segmentId,
              rule: inline?.success ? inline.data : null,
              startsAt: b.startsAt,
              endsAt: b.endsAt,
              variants: b.variants,
            };
          }),
        })),
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
