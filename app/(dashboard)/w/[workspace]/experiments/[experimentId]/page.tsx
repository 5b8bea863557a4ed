import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExperimentSetup } from "@/components/experiments/experiment-setup";
import { TYPE_LABELS } from "@/components/experiments/labels";
import { LifecycleButtons } from "@/components/experiments/lifecycle-buttons";
import { PreviewLinkCard } from "@/components/experiments/preview-link-card";
import { PhaseTable } from "@/components/experiments/phase-table";
import { QaPanel } from "@/components/experiments/qa-panel";
import { ExperimentStatusBadge } from "@/components/experiments/status-badge";
import { VariationStats } from "@/components/experiments/variation-stats";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getExperimentDetail } from "@/lib/experiments/db/get-experiment-detail";
import { getExperimentStats } from "@/lib/experiments/db/get-experiment-stats";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { loadSegmentRefs } from "@/lib/segments/db/load-segment-refs";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Experiment" };

export default async function ExperimentPage({
  params,
}: {
  params: Promise<{ workspace: string; experimentId: string }>;
}) {
  const { workspace: slug, experimentId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  const detail = await getExperimentDetail(workspace.id, experimentId);
  if (!detail) notFound();
  const [refs, stats] = await Promise.all([loadSegmentRefs(workspace.id), getExperimentStats(workspace.id, detail.id)]);
  if (!stats) notFound();
  const segmentNames = new Map([...refs].map(([id, r]) => [id, r.name]));
  const base = `/w/${workspace.slug}/experiments`;
  return (
    <>
      <Link href={base} className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900">
        ← Experiments
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {detail.name} <ExperimentStatusBadge status={detail.status} />
          </span>
        }
        description={
          <>
            {TYPE_LABELS[detail.type]} · key{" "}
            <code className="font-mono text-gray-800" data-testid="experiment-key">
              {detail.key}
            </code>
            {detail.hypothesis && <span className="mt-1 block text-gray-600">{detail.hypothesis}</span>}
          </>
        }
        actions={
          <>
            <Link className={buttonClasses("secondary")} href={`${base}/${detail.id}/results`}>
              Results
            </Link>
            {can.edit && (
              <LifecycleButtons
                workspaceId={workspace.id}
                experimentId={detail.id}
                status={detail.status}
                variations={detail.variations.map(({ id, name, key }) => ({ id, name, key }))}
                editHref={`${base}/${detail.id}/edit`}
              />
            )}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <VariationStats
            workspaceId={workspace.id}
            experimentId={detail.id}
            variations={detail.variations}
            winnerVariationId={detail.winnerVariationId}
            status={detail.status}
            initial={stats}
          />
          <PhaseTable detail={detail} />
        </div>
        <aside className="space-y-6">
          <ExperimentSetup detail={detail} segmentNames={segmentNames} workspaceSlug={workspace.slug} />
          <QaPanel
            workspaceId={workspace.id}
            experimentId={detail.id}
            context={{
              coverage: detail.coverage,
              layerName: detail.layer?.name ?? null,
              unitType: detail.unitType,
              startsAt: detail.startsAt?.toISOString() ?? null,
              endsAt: detail.endsAt?.toISOString() ?? null,
            }}
          />
          {detail.status !== "archived" && (
            <PreviewLinkCard
              workspaceId={workspace.id}
              experimentId={detail.id}
              variations={detail.variations.map(({ id, name, key }) => ({ id, name, key }))}
              defaultPath={workspace.isDemo && demoStoreEnabled() ? "/demo-store" : ""}
            />
          )}
        </aside>
      </div>
    </>
  );
}
