import type { Metadata } from "next";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { SettingForm } from "@/components/settings/setting-form";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "@/components/ui/icons";
import { setApiRateLimit } from "@/lib/api-keys/actions";
import { listApiKeys } from "@/lib/api-keys/db/list-api-keys";
import { setCorsOrigins } from "@/lib/workspaces/actions";
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
        <SettingForm
          workspaceId={workspace.id}
          field="origins"
          initial={workspace.corsOrigins.join("\n")}
          action={setCorsOrigins}
          label="Allowed origins"
          hint="One per line, like https://shop.example.com. Pages on these origins may ask for decisions and send events with a client key; the app's own origin always may."
          submitLabel="Save origins"
          success="Allowed origins saved"
          canAdmin={can.admin}
          multiline
        />
      </div>
      <div className="max-w-xl pt-4">
        <SettingForm
          workspaceId={workspace.id}
          field="perSecond"
          initial={String(workspace.apiRateLimit)}
          action={setApiRateLimit}
          label="Requests a second per key"
          hint="Each key may make this many requests a second on each server (with twice as many in a burst); past it the API answers 429 with Retry-After. A client key serves every visitor of your storefront: size it for your busiest hour."
          submitLabel="Save limit"
          success="Rate limit saved"
          canAdmin={can.admin}
        />
      </div>
    </section>
  );
}
