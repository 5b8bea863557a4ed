import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExperimentWizard } from "@/components/experiments/experiment-wizard";
import { emptyWizard } from "@/components/experiments/wizard-state";
import { PageHeader } from "@/components/ui/page-header";
import { getHoldoutShare } from "@/lib/experiments/db/get-holdout-share";
import { getRecentTraffic } from "@/lib/experiments/db/get-recent-traffic";
import { getWizardOptions } from "@/lib/experiments/db/get-wizard-options";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "New experiment" };

export default async function NewExperimentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can.edit) notFound();
  const [options, catalog, holdout] = await Promise.all([
    getWizardOptions(workspace.id),
    loadSegmentCatalog(workspace.id),
    getHoldoutShare(workspace.id),
  ]);
  const traffic = await getRecentTraffic(workspace.id, options.goals);
  return (
    <>
      <Link
        href={`/w/${workspace.slug}/experiments`}
        className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900"
      >
        ← Experiments
      </Link>
      <PageHeader
        title="New experiment"
        description="Saved as a draft: nothing changes for visitors until it is started."
      />
      <ExperimentWizard
        workspaceId={workspace.id}
        workspaceSlug={workspace.slug}
        status="new"
        initial={emptyWizard()}
        options={options}
        catalog={catalog}
        traffic={traffic}
        holdoutShare={holdout}
      />
    </>
  );
}
