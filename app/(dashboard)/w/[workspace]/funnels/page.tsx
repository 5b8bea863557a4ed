import type { Metadata } from "next";
import { Suspense } from "react";
import { FunnelView } from "@/components/analytics/funnel-view";
import { PageHeader } from "@/components/ui/page-header";
import { listExperiments } from "@/lib/experiments/db/list-experiments";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { segmentOptions } from "@/lib/segments/db/list-segments";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Funnels" };

export default async function FunnelsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const [catalog, segments, experiments] = await Promise.all([
    loadSegmentCatalog(workspace.id), // the steps' event and property suggestions
    segmentOptions(workspace.id),
    listExperiments(workspace.id),
  ]);
  return (
    <>
      <PageHeader
        title="Funnels"
        description="How many visitors go from one step to the next, where they drop off and how long each step takes. The link keeps the funnel, so a shared one shows the same."
      />
      <Suspense fallback={<p className="text-sm text-gray-500">Loading…</p>}>
        <FunnelView
          workspaceId={workspace.id}
          events={catalog?.events ?? []}
          segments={segments.map(({ id, name }) => ({ id, name }))}
          experiments={experiments.filter((e) => e.status !== "draft").map(({ id, name }) => ({ id, name }))}
        />
      </Suspense>
    </>
  );
}
