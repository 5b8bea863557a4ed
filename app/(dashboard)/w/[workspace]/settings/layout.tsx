import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace } = await params;
  return (
    <>
      <PageHeader
        title="Settings"
        description="Who can work in this workspace, the keys your storefront uses, what its browsers may claim, and data imports."
      />
      <SettingsNav workspaceSlug={workspace} />
      <div className="mt-6">{children}</div>
    </>
  );
}
