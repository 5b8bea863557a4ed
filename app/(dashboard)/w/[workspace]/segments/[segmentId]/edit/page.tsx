import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SegmentEditor } from "@/components/segments/segment-editor";
import { PageHeader } from "@/components/ui/page-header";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { getSegment } from "@/lib/segments/db/get-segment";
import { segmentOptions } from "@/lib/segments/db/list-segments";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({
  params,
}: {
  params: Promise<{ workspace: string; segmentId: string }>;
}) {
  const { workspace: slug, segmentId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  const segment = await getSegment(workspace.id, segmentId);
  if (!segment || !can.edit || segment.kind !== "dynamic" || segment.archivedAt) notFound();
  const [catalog, segments] = await Promise.all([loadSegmentCatalog(workspace.id), segmentOptions(workspace.id)]);
  return (
    <>
      <PageHeader title={`Edit “${segment.name}”`} description="Members are recomputed when you save." />
      <SegmentEditor
        workspaceId={workspace.id}
        workspaceSlug={workspace.slug}
        segmentId={segment.id}
        initial={{ name: segment.name, description: segment.description, rule: segment.rule }}
        catalog={catalog}
        segments={segments}
      />
    </>
  );
}
