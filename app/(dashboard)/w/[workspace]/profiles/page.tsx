import type { Metadata } from "next";
import { Pagination } from "@/components/navigation/pagination";
import { ColumnPicker } from "@/components/profiles/column-picker";
import { ProfileSearchForm } from "@/components/profiles/profile-search-form";
import { ProfileTable } from "@/components/profiles/profile-table";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { columnsParam } from "@/lib/profiles/columns";
import { listProfiles, profileTraitKeys } from "@/lib/profiles/db/profiles";
import { profileListQuerySchema } from "@/lib/profiles/schema";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Profiles" };

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProfilesPage({ params, searchParams }: Props) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const query = profileListQuerySchema.parse(await searchParams);
  const [{ rows, total, pages }, traitKeys] = await Promise.all([
    listProfiles(workspace, query),
    profileTraitKeys(workspace.id),
  ]);
  const basePath = `/w/${workspace.slug}/profiles`;
  const cols = columnsParam(query.cols);
  const href = (page: number) =>
    `${basePath}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(cols !== null ? { cols } : {}), page: String(page) })}`;
  const actions = (
    <>
      <ProfileSearchForm q={query.q} cols={cols} />
      <ColumnPicker selected={query.cols} traitKeys={traitKeys} basePath={basePath} q={query.q} />
    </>
  );
  return (
    <>
      <PageHeader
        title="Profiles"
        description="Every person your store knows, unified across devices and identities."
        actions={actions}
      />
      {rows.length > 0 ? (
        <>
          <ProfileTable rows={rows} columns={query.cols} workspaceSlug={workspace.slug} />
          <Pagination page={query.page} pages={pages} total={total} href={href} />
        </>
      ) : query.q ? (
        <EmptyState
          icon={<UsersIcon size={20} />}
          title={`No profile matches “${query.q}”`}
          description="Try part of an email address or a first or last name."
        />
      ) : (
        <EmptyState
          icon={<UsersIcon size={20} />}
          title="No profiles yet"
          description="Profiles are created as your storefront sends events (track, page, identify) with a write key from Settings → API keys, or when you import customers from a CSV file."
        />
      )}
    </>
  );
}
