import type { Metadata } from "next";
import { IdentityVerification } from "@/components/identity/identity-verification";
import { RequestTraitsForm } from "@/components/identity/request-traits-form";
import { identitySettings } from "@/lib/identity/db/identity-settings";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Identity" };

export default async function IdentityPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const settings = await identitySettings(workspace.id);
  return (
    <section aria-labelledby="identity-heading" className="max-w-3xl space-y-6">
      <div>
        <h2 id="identity-heading" className="text-base font-semibold">
          Identity
        </h2>
        <p className="text-sm text-gray-500">What a browser may claim about who it is, with your public client key.</p>
      </div>
      <IdentityVerification
        workspaceId={workspace.id}
        settings={{
          requireSignedUserIds: settings.requireSignedUserIds,
          lastSevenDays: settings.lastSevenDays,
          secrets: settings.secrets,
        }}
        canAdmin={can.admin}
      />
      <div className="max-w-xl">
        <RequestTraitsForm workspaceId={workspace.id} traits={settings.requestTraits} canAdmin={can.admin} />
      </div>
    </section>
  );
}
