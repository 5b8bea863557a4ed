import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { TYPE_LABELS } from "@/components/experiments/labels";
import { ExperimentStatusBadge } from "@/components/experiments/status-badge";
import { ResultsView } from "@/components/results/results-view";
import { PageHeader } from "@/components/ui/page-header";
import { getExperimentDetail } from "@/lib/experiments/db/get-experiment-detail";
import { loadResultsDesign } from "@/lib/results/db/load-design";
import { segmentOptions } from "@/lib/segments/db/list-segments";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Experiment results" };

export default async function ExperimentResultsPage({
  params,
}: {
  params: Promise<{ workspace: string; experimentId: string }>;
}) {
  const { workspace: slug, experimentId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  const [detail, design, segments] = await Promise.all([
    getExperimentDetail(workspace.id, experimentId),
    loadResultsDesign(workspace.id, experimentId),
    segmentOptions(workspace.id),
  ]);
  if (!detail || !design) notFound();
  const href = `/w/${workspace.slug}/experiments/${detail.id}`;
  return (
    <>
      <Link href={href} className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900">
        ← {detail.name}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            Results: {detail.name} <ExperimentStatusBadge status={detail.status} />
          </span>
        }
        description={
          <>
            {TYPE_LABELS[detail.type]}
            {design.design.bandit ? " bandit" : ""} · key <code className="font-mono text-gray-800">{detail.key}</code>{" "}
            · computed from every unit&apos;s first exposure in the phase, on each read.
          </>
        }
      />
      <Suspense fallback={<p className="text-sm text-gray-500">Loading results…</p>}>
        <ResultsView
          workspaceId={workspace.id}
          experimentId={detail.id}
          experimentKey={detail.key}
          status={detail.status}
          winnerVariationId={detail.winnerVariationId}
          variations={detail.variations.map(({ id, key, name }) => ({ id, key, name }))}
          canEdit={can.edit}
          segments={segments.map(({ id, name }) => ({ id, name }))}
          phases={detail.phases.map((p) => p.index)}
          defaultEngine={design.engine}
        />
      </Suspense>
    </>
  );
}
