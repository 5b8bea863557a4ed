import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExperimentWizard } from "@/components/experiments/experiment-wizard";
import { wizardFromResource } from "@/components/experiments/wizard-state";
import { PageHeader } from "@/components/ui/page-header";
import { getExperimentResource } from "@/lib/experiments/db/experiment-resource";
import { getHoldoutShare } from "@/lib/experiments/db/get-holdout-share";
import { getRecentTraffic } from "@/lib/experiments/db/get-recent-traffic";
import { getWizardOptions } from "@/lib/experiments/db/get-wizard-options";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Edit experiment" };

const NOTES: Record<string, string> = {
  draft: "A draft changes freely.",
  running:
    "It is running: its weights, names, targeting, coverage, schedule and goals may change (a change of weights, coverage or targeting starts a new phase); the rest is kept.",
  paused:
    "It is paused: its weights, names, targeting, coverage, schedule and goals may change (a change of weights, coverage or targeting starts a new phase); the rest is kept.",
  stopped: "It is stopped: only its name, hypothesis and goals may change.",
  archived: "It is archived: only its name, hypothesis and goals may change.",
};

export default async function EditExperimentPage({
  params,
}: {
  params: Promise<{ workspace: string; experimentId: string }>;
}) {
  const { workspace: slug, experimentId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  if (!can.edit) notFound();
  const resource = await getExperimentResource(workspace.id, experimentId);
  if (!resource) notFound();
  const [options, catalog, holdout] = await Promise.all([
    getWizardOptions(workspace.id),
    loadSegmentCatalog(workspace.id),
    getHoldoutShare(workspace.id),
  ]);
  const traffic = await getRecentTraffic(workspace.id, options.goals);
  const base = `/w/${workspace.slug}/experiments/${resource.id}`;
  return (
    <>
      <Link href={base} className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900">
        ← {resource.name}
      </Link>
      <PageHeader title={`Edit ${resource.name}`} description={NOTES[resource.status]} />
      <ExperimentWizard
        workspaceId={workspace.id}
        workspaceSlug={workspace.slug}
        experimentId={resource.id}
        status={resource.status}
        initial={wizardFromResource(resource)}
        options={options}
        catalog={catalog}
        traffic={traffic}
        holdoutShare={holdout}
      />
    </>
  );
}
