import { db } from "@/lib/db/client";

/**
 * What the experiment wizard offers to pick from: each placement with its
 * experiences and all of its content (the default's variant included, for
 * multivariate levels), the live segments, the layers with the share their
 * live experiments take, and the goals.
 */
export async function getWizardOptions(workspaceId: string) {
  const [placements, segments, layers, goals] = await Promise.all([
    db.placement.findMany({
      where: { workspaceId },
      select: {
        id: true,
        key: true,
        name: true,
        contentType: true,
        experiences: {
          select: {
            id: true,
            name: true,
            status: true,
            isDefault: true,
            variants: { select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
          },
          orderBy: [{ isDefault: "asc" }, { priority: "asc" }, { id: "asc" }],
        },
      },
      orderBy: { name: "asc" },
    }),
    db.segment.findMany({
      where: { workspaceId, archivedAt: null },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    }),
    db.layer.findMany({
      where: { workspaceId },
      select: {
        id: true,
        key: true,
        name: true,
        experiments: {
          where: { status: { in: ["running", "paused"] } },
          select: { id: true, layerStart: true, layerEnd: true },
        },
      },
      orderBy: { name: "asc" },
    }),
    db.goal.findMany({
      where: { workspaceId },
      select: { id: true, name: true, eventName: true, kind: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    placements: placements.map((p) => ({
      id: p.id,
      key: p.key,
      name: p.name,
      contentType: p.contentType,
      experiences: p.experiences
        .filter((x) => !x.isDefault)
        .map((x) => ({ id: x.id, name: x.name, status: x.status, variants: x.variants })),
      /** Every variant of the placement, for multivariate levels (the default content is a level of its own). */
      contents: p.experiences.flatMap((x) =>
        x.isDefault
          ? []
          : x.variants.map((v) => ({ id: v.id, name: x.variants.length > 1 ? `${x.name}: ${v.name}` : x.name })),
      ),
    })),
    segments,
    layers: layers.map((l) => ({
      id: l.id,
      key: l.key,
      name: l.name,
      /** Which live experiments hold a slice, and how much of the layer they take in all. */
      taken: l.experiments.map((e) => ({ experimentId: e.id, share: (e.layerEnd ?? 0) - (e.layerStart ?? 0) })),
    })),
    goals,
  };
}
export type WizardOptions = Awaited<ReturnType<typeof getWizardOptions>>;
