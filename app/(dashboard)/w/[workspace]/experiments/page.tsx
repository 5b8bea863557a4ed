import type { Metadata } from "next";
import Link from "next/link";
import { ExperimentTable } from "@/components/experiments/experiment-table";
import { HoldoutForm } from "@/components/experiments/holdout-form";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FlaskIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getHoldoutShare } from "@/lib/experiments/db/get-holdout-share";
import { listExperiments } from "@/lib/experiments/db/list-experiments";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Experiments" };

export default async function ExperimentsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const [experiments, holdout] = await Promise.all([listExperiments(workspace.id), getHoldoutShare(workspace.id)]);
  const base = `/w/${workspace.slug}/experiments`;
  const create = can.edit ? (
    <Link className={buttonClasses()} href={`${base}/new`}>
      <PlusIcon /> New experiment
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader
        title="Experiments"
        description="A/B/n, multivariate and flag tests with sticky bucketing, layers and a global holdout."
        actions={create}
      />
      <div className="mb-4 rounded-lg border border-gray-200 bg-white px-4 py-3">
        <HoldoutForm key={holdout} workspaceId={workspace.id} share={holdout} canAdmin={can.admin} />
      </div>
      {experiments.length === 0 ? (
        <EmptyState
          icon={<FlaskIcon size={20} />}
          title="No experiments yet"
          description="An experiment splits visitors between variations of a placement's content (or a flag's values) and measures which one converts better against a goal, such as Purchase or Revenue."
          action={create}
        />
      ) : (
        <ExperimentTable experiments={experiments} base={base} />
      )}
    </>
  );
}
