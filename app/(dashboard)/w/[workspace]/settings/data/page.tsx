import type { Metadata } from "next";
import { TimeZoneSetting } from "@/components/analytics/time-zone-setting";
import { ImportHistory } from "@/components/imports/import-history";
import { ImportWizard } from "@/components/imports/import-wizard";
import { PersonalDataSetting } from "@/components/imports/personal-data-setting";
import { WorkspaceEngineSetting } from "@/components/results/workspace-engine-setting";
import { listImportJobs } from "@/lib/imports/db/import-jobs";
import { timeZoneChoices } from "@/lib/workspaces/time-zone";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Data" };

export default async function DataPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const jobs = await listImportJobs(workspace.id);
  return (
    <div className="space-y-8">
      <section aria-labelledby="import-heading" className="space-y-3">
        <div>
          <h2 id="import-heading" className="text-base font-semibold">
            Import from your CRM
          </h2>
          <p className="text-sm text-gray-500">
            Customers (email, phone, name, country, consent and any trait) or orders (one row per order or per line
            item), as CSV; the exports of Shopify, WooCommerce, Magento 2, HubSpot, Mailchimp and Klaviyo are recognized
            with their columns. Rows are matched to profiles by email, phone or user id. Check a file first to see what
            it would do; importing the same file again changes nothing.
          </p>
        </div>
        {can.edit ? (
          <ImportWizard workspaceId={workspace.id} workspaceSlug={workspace.slug} />
        ) : (
          <p className="text-sm text-gray-500">Editors and admins can import files.</p>
        )}
      </section>
      <section aria-labelledby="privacy-heading" className="space-y-3">
        <h2 id="privacy-heading" className="text-base font-semibold">
          Personal data
        </h2>
        <PersonalDataSetting workspaceId={workspace.id} storePlainPii={workspace.storePlainPii} canAdmin={can.admin} />
      </section>
      <WorkspaceEngineSetting workspaceId={workspace.id} engine={workspace.statsEngine} canAdmin={can.admin} />
      <TimeZoneSetting
        workspaceId={workspace.id}
        timeZone={workspace.timeZone}
        choices={timeZoneChoices()}
        canAdmin={can.admin}
      />
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold">
          Imports
        </h2>
        <ImportHistory
          workspaceId={workspace.id}
          workspaceSlug={workspace.slug}
          jobs={jobs}
          canEdit={can.edit}
          now={new Date()}
        />
      </section>
    </div>
  );
}
