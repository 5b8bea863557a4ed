import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExperienceEditor, type ExperienceDraft } from "@/components/content/experience-editor";
import { StatusBadge } from "@/components/content/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { getPlacement } from "@/lib/content/db/get-placement";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { segmentOptions } from "@/lib/segments/db/list-segments";
import { emptyRule } from "@/lib/segments/schema";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Edit experience" };

export default async function ExperiencePage({
  params,
}: {
  params: Promise<{ workspace: string; placementId: string; experienceId: string }>;
}) {
  const { workspace: slug, placementId, experienceId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  if (!can.edit) notFound();
  const placement = await getPlacement(workspace.id, placementId);
  const experience = placement?.experiences.find((e) => e.id === experienceId);
  if (!placement || !experience) notFound();
  const [catalog, segments] = await Promise.all([loadSegmentCatalog(workspace.id), segmentOptions(workspace.id)]);
  const { target, schedule } = experience;
  const initial: ExperienceDraft = {
    name: experience.name,
    target:
      target.kind === "segment"
        ? { kind: "segment", segmentId: target.segmentId, rule: emptyRule() }
        : { kind: "rule", segmentId: "", rule: target.rule },
    status: experience.status,
    schedule: { startsAt: schedule.startsAt ?? "", endsAt: schedule.endsAt ?? "", timeZone: schedule.timeZone },
    body: experience.body,
  };
  return (
    <>
      <Link
        href={`/w/${workspace.slug}/content/${placement.id}`}
        className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900"
      >
        ← {placement.name}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {experience.name} <StatusBadge status={experience.status} />
          </span>
        }
        description={`An experience of ${placement.name}, number ${placement.experiences.indexOf(experience) + 1} in its order.`}
      />
      <ExperienceEditor
        // A saved change comes back from the server as new initial values: start the form again from them.
        key={JSON.stringify(initial)}
        workspaceId={workspace.id}
        workspaceSlug={workspace.slug}
        placementId={placement.id}
        experienceId={experience.id}
        initial={initial}
        catalog={catalog}
        segments={segments}
      />
    </>
  );
}
