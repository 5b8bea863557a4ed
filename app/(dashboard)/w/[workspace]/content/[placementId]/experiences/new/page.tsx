import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExperienceEditor } from "@/components/content/experience-editor";
import { PageHeader } from "@/components/ui/page-header";
import { getPlacement } from "@/lib/content/db/get-placement";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { segmentOptions } from "@/lib/segments/db/list-segments";
import { emptyRule } from "@/lib/segments/schema";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "New experience" };

export default async function NewExperiencePage({
  params,
}: {
  params: Promise<{ workspace: string; placementId: string }>;
}) {
  const { workspace: slug, placementId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  if (!can.edit) notFound();
  const placement = await getPlacement(workspace.id, placementId);
  if (!placement) notFound();
  const [catalog, segments] = await Promise.all([loadSegmentCatalog(workspace.id), segmentOptions(workspace.id)]);
  return (
    <>
      <Link
        href={`/w/${workspace.slug}/content/${placement.id}`}
        className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900"
      >
        ← {placement.name}
      </Link>
      <PageHeader
        title="New experience"
        description={`Content for some visitors of ${placement.name}; it goes last in the order, before the default.`}
      />
      <ExperienceEditor
        key={placement.id}
        workspaceId={workspace.id}
        workspaceSlug={workspace.slug}
        placementId={placement.id}
        initial={{
          name: "",
          target: { kind: segments.length > 0 ? "segment" : "rule", segmentId: "", rule: emptyRule() },
          status: "draft",
          schedule: { startsAt: "", endsAt: "", timeZone: null },
          body: placement.defaultBody,
        }}
        catalog={catalog}
        segments={segments}
      />
    </>
  );
}
