import Link from "next/link";
import { Suspense } from "react";
import { OverviewView } from "@/components/analytics/overview-view";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { profileTotals } from "@/lib/analytics/db/overview";
import { formatInteger } from "@/lib/format";
import { segmentOptions } from "@/lib/segments/db/list-segments";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export default async function OverviewPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const [totals, segments] = await Promise.all([profileTotals(workspace.id), segmentOptions(workspace.id)]);
  if (totals.profiles === 0) {
    return (
      <>
        <PageHeader title={workspace.name} description="Your store at a glance." />
        <EmptyState
          title="No customer data yet"
          description="Send events from your storefront with a write key, or import customers and orders from your CRM. Profiles, segments and results appear here as data arrives."
          action={
            <Link className={buttonClasses("primary", "md")} href={`/w/${workspace.slug}/settings/api-keys`}>
              Get an API key
            </Link>
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={workspace.name}
        description={
          <span data-testid="profile-totals">
            {formatInteger(totals.profiles)} profiles, {formatInteger(totals.knownProfiles)} of them identified, in all.
            The figures below count the chosen days.
          </span>
        }
      />
      <Suspense fallback={<p className="text-sm text-gray-500">Loading the overview…</p>}>
        <OverviewView
          workspaceId={workspace.id}
          workspaceSlug={workspace.slug}
          segments={segments.map(({ id, name }) => ({ id, name }))}
        />
      </Suspense>
    </>
  );
}
