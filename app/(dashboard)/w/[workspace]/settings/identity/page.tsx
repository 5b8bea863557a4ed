import type { Metadata } from "next";
import { IdentityVerification } from "@/components/identity/identity-verification";
import { SettingForm } from "@/components/settings/setting-form";
import { setRequestTraits } from "@/lib/identity/actions";
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
        <SettingForm
          workspaceId={workspace.id}
          field="traits"
          initial={settings.requestTraits.join("\n")}
          action={setRequestTraits}
          label="Request traits"
          hint="Trait keys a page may send with a decision request made with a client key, one per line (like locale or cart_size). Anyone can send any value, so never list a trait that grants something; other traits in a request are ignored, and the answer names them."
          submitLabel="Save request traits"
          success="Request traits saved"
          canAdmin={can.admin}
          multiline
        />
      </div>
    </section>
  );
}
