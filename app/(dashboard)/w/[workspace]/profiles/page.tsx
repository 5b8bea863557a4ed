import type { Metadata } from "next";
import { Pagination } from "@/components/navigation/pagination";
import { ProfileTable } from "@/components/profiles/profile-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { listProfiles } from "@/lib/profiles/queries";
import { profileListQuerySchema } from "@/lib/profiles/schema";
import { requireWorkspace } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Profiles" };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProfilesPage({ params, searchParams }: Props) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const query = profileListQuerySchema.parse(await searchParams);
  const { rows, total, pages } = await listProfiles(workspace.id, query);
  const href = (page: number) => `/w/${workspace.slug}/profiles?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  const searchForm = (
    <form role="search" className="flex gap-2">
      <Input name="q" type="search" defaultValue={query.q} placeholder="Search by email or name" aria-label="Search profiles" className="w-72" />
      <Button type="submit" variant="secondary">Search</Button>
    </form>
  );
  return (
    <>
      <PageHeader title="Profiles" description="Every person your store knows, unified across devices and identities." actions={searchForm} />
      {rows.length > 0 ? (
        <>
          <ProfileTable rows={rows} />
          <Pagination page={query.page} pages={pages} total={total} href={href} />
        </>
      ) : query.q ? (
        <EmptyState icon={<UsersIcon size={20} />} title={`No profile matches “${query.q}”`} description="Try part of an email address or a first or last name." />
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
