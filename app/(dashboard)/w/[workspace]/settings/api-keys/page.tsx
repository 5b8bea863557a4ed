import type { Metadata } from "next";
import { AllowedOriginsForm } from "@/components/api-keys/allowed-origins-form";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { RateLimitForm } from "@/components/api-keys/rate-limit-form";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "@/components/ui/icons";
import { listApiKeys } from "@/lib/api-keys/db/list-api-keys";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const keys = await listApiKeys(workspace.id);
  return (
    <section aria-labelledby="keys-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <div>
          <h2 id="keys-heading" className="text-base font-semibold">
            API keys
          </h2>
          <p className="text-sm text-gray-500">
            Write keys send events from servers; client keys ask for decisions from the browser.
          </p>
        </div>
        {can.admin ? <CreateApiKeyDialog workspaceId={workspace.id} /> : null}
      </div>
      {keys.length === 0 ? (
        <EmptyState
          icon={<KeyIcon size={20} />}
          title="No API keys yet"
          description={
            can.admin
              ? "Create a write key for your servers and a client key for your storefront's pages."
              : "An admin of this workspace can create keys for your storefront."
          }
        />
      ) : (
        <ApiKeyTable workspaceId={workspace.id} keys={keys} canAdmin={can.admin} />
      )}
      <div className="max-w-xl pt-4">
        <AllowedOriginsForm workspaceId={workspace.id} origins={workspace.corsOrigins} canAdmin={can.admin} />
      </div>
      <div className="max-w-xl pt-4">
        <RateLimitForm workspaceId={workspace.id} perSecond={workspace.apiRateLimit} canAdmin={can.admin} />
      </div>
    </section>
  );
}
